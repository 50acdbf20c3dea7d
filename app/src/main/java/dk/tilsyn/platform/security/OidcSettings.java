package dk.tilsyn.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in through the institution's identity provider (Entra ID, AD FS, OS2faktor, Keycloak …). Off while
 * {@code issuer} is empty. {@code userClaim} names the ID-token claim whose value is a Tilsyn username.
 */
@ConfigurationProperties("tilsyn.oidc")
public record OidcSettings(String issuer, String clientId, String clientSecret, String userClaim, String displayName) {

    public boolean enabled() {
        return issuer != null && !issuer.isBlank();
    }

    public String buttonLabel() {
        return displayName == null || displayName.isBlank() ? null : displayName;
    }
}
