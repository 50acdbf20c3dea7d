/** The results of an analysis: findings with their evidence, in the shape the JSON output and the web app use. */
package dk.tilsyn.engine.findings;
