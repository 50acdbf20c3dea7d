package dk.tilsyn.platform.identity;

import java.time.OffsetDateTime;

/** A tenant: a state institution, municipality or service centre served by this installation. */
public record Institution(long id, String code, String name, OffsetDateTime createdAt) {
}
