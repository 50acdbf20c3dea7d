/**
 * Access control: the extracts of each system in scope, kept as evidence, and (to come) the analysis runs,
 * findings and positions taken on them (ACC-1, ACC-9 … ACC-11).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access control")
package dk.tilsyn.access;
