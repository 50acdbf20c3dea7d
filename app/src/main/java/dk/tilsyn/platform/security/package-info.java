/** Sign-in: local accounts (Argon2id, lockout) and OIDC; the filter chain with CSRF and security headers. */
@org.springframework.modulith.NamedInterface("security")
package dk.tilsyn.platform.security;
