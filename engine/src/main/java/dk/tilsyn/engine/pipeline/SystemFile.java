package dk.tilsyn.engine.pipeline;

import java.nio.file.Path;

/** An input file that belongs to one system (an extract, a change log, a parameter file). */
public record SystemFile(String system, Path file) {
}
