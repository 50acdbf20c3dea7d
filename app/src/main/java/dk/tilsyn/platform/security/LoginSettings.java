package dk.tilsyn.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Back-off for local logins: after this many failures in a row the account is locked for a while. */
@ConfigurationProperties("tilsyn.login")
public record LoginSettings(int maxFailedAttempts, Duration lockout) {
}
