package dk.tilsyn.bench;

/**
 * How big a synthetic data set is. {@link #LARGE} is the scale the access-rights issue measures against.
 *
 * @param changeEvents change-log rows per system
 */
public record SyntheticSize(int persons, int systems, int accounts, long assignmentRows, int changeEvents) {

    public static final SyntheticSize LARGE = new SyntheticSize(100_000, 25, 400_000, 5_000_000, 20_000);
    public static final SyntheticSize SMALL = new SyntheticSize(1_000, 25, 4_000, 50_000, 500);

    public SyntheticSize {
        if (persons < 10 || systems < 5 || accounts < persons || assignmentRows < accounts) {
            throw new IllegalArgumentException("Need persons >= 10, systems >= 5, accounts >= persons, rows >= accounts");
        }
    }
}
