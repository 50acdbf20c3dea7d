/**
 * The access-rights engine: pure Java, no Spring, so the web app, the CLI and batch jobs share it.
 */
package dk.tilsyn.engine;
