/**
 * The append-only audit trail: every change, login, role change and import, hash-chained per institution so an
 * edited, removed or inserted entry is detectable.
 */
@org.springframework.modulith.NamedInterface("audittrail")
package dk.tilsyn.platform.audittrail;
