package dk.tilsyn.platform.api;

import java.time.LocalDate;

/** What a presented secret turned out to be. */
public sealed interface TokenCheck {

    /** A valid token: the institution it was issued for is the only one its caller may see. */
    record Valid(long tokenId, long institutionId, String name) implements TokenCheck {
    }

    record Unknown() implements TokenCheck {
    }

    record Revoked(LocalDate on) implements TokenCheck {
    }

    record Expired(LocalDate on) implements TokenCheck {
    }
}
