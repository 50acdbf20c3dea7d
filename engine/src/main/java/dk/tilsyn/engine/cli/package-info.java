/** The command line: {@code bin/tilsyn analyse …} runs the engine without the server. */
package dk.tilsyn.engine.cli;
