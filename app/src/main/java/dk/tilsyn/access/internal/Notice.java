package dk.tilsyn.access.internal;

import java.time.OffsetDateTime;

/** Something a user is told in the application, e.g. that a finding they accepted is open again. */
public record Notice(long id, String messageKey, String argument, String link, OffsetDateTime createdAt,
                     OffsetDateTime readAt) {
}
