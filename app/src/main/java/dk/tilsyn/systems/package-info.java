/**
 * Systems: the systems an institution has in scope, each with the id the rule set knows it by and the import
 * profile its reports are read with. Other features look systems up through {@link SystemRegister}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Systems")
package dk.tilsyn.systems;
