/** Administration: users and their roles in the current institution; institutions for platform administrators. */
@org.springframework.modulith.ApplicationModule(displayName = "Administration")
package dk.tilsyn.administration;
