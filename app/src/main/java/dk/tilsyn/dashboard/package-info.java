/** The front page: what needs attention in the current institution. */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package dk.tilsyn.dashboard;
