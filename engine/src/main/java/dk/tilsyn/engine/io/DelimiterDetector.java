package dk.tilsyn.engine.io;

/**
 * Picks the field separator from the header line: the one of {@code ;}, {@code ,} and TAB that
 * occurs most often outside quotes. Danish Excel writes {@code ;}, most systems {@code ,}; a header
 * has no free text, so its separators are unambiguous unless the file is odd, and then we ask
 * rather than guess.
 */
final class DelimiterDetector {

    private static final char[] CANDIDATES = {';', ',', '\t'};

    private DelimiterDetector() {
    }

    static char detect(String headerLine, String file, ProblemCollector problems) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = -1;
        boolean tie = false;
        for (int k = 0; k < CANDIDATES.length; k++) {
            if (counts[k] == 0) {
                continue;
            }
            if (best < 0 || counts[k] > counts[best]) {
                best = k;
                tie = false;
            } else if (counts[k] == counts[best]) {
                tie = true;
            }
        }
        if (best < 0 || tie) {
            throw problems.fatal(Problems.delimiter(file, headerLine));
        }
        return CANDIDATES[best];
    }
}
