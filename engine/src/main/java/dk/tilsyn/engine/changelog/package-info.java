/**
 * Checks of a system's change log (ACC-6; 004 §3.1.1.1 controls 2–5, §3.1.2.1; 000 §3.1.1): users granting
 * themselves rights, privileged users granting prokura or privileges, administrators changing other users'
 * credentials, and grants made outside the IGA process.
 */
package dk.tilsyn.engine.changelog;
