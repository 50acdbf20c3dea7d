/**
 * Platform: what every feature stands on — tenancy and roles, identity (institutions, users), security
 * (local and OIDC login), the hash-chained audit trail, and the web shell (layout, navigation, language, errors).
 * Features use only the named interfaces below it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package dk.tilsyn.platform;
