package dk.tilsyn.engine.access;

/** The exact input row a fact came from: evidence a controller can open and point at. */
public record SourceRef(String file, long line) {

    /** By file, then line: the order evidence is cited in. Written out, as it runs for every row cited. */
    public static final java.util.Comparator<SourceRef> ORDER = (a, b) -> {
        int byFile = a.file.compareTo(b.file);
        return byFile != 0 ? byFile : Long.compare(a.line, b.line);
    };
}
