/**
 * Organisation: the institution's org units (a tree) and persons (the HR/AD master), imported from the same
 * persons file the access-rights engine reads. Other features look persons up through {@link PersonDirectory}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation")
package dk.tilsyn.organisation;
