/** Institutions (tenants), users and their roles per institution. */
@org.springframework.modulith.NamedInterface("identity")
package dk.tilsyn.platform.identity;
