package dk.tilsyn.engine.analysis;

import dk.tilsyn.engine.rules.Condition;

import java.util.List;

/** A function's grant condition compiled over the bits of the leaf matchers an account's assignments hit. */
sealed interface LeafProgram {

    boolean eval(long leafBits);

    /** The leaves that make the condition true: whose assignments are the evidence. */
    long contributing(long leafBits);

    static LeafProgram compile(Condition condition, List<Condition.Match> leaves) {
        return switch (condition) {
            case Condition.Match m -> new Leaf(1L << indexOf(leaves, m));
            case Condition.Not n -> new Not(compile(n.child(), leaves));
            case Condition.AnyOf a -> new Any(a.children().stream().map(c -> compile(c, leaves))
                    .toArray(LeafProgram[]::new));
            case Condition.AllOf a -> new All(a.children().stream().map(c -> compile(c, leaves))
                    .toArray(LeafProgram[]::new));
        };
    }

    private static int indexOf(List<Condition.Match> leaves, Condition.Match match) {
        for (int i = 0; i < leaves.size(); i++) {
            if (leaves.get(i) == match) {
                return i;
            }
        }
        throw new IllegalArgumentException("leaf not registered: " + match);
    }

    record Leaf(long bit) implements LeafProgram {
        public boolean eval(long leafBits) {
            return (leafBits & bit) != 0;
        }

        public long contributing(long leafBits) {
            return leafBits & bit;
        }
    }

    record Not(LeafProgram child) implements LeafProgram {
        public boolean eval(long leafBits) {
            return !child.eval(leafBits);
        }

        public long contributing(long leafBits) {
            return 0;
        }
    }

    record Any(LeafProgram[] children) implements LeafProgram {
        public boolean eval(long leafBits) {
            for (LeafProgram child : children) {
                if (child.eval(leafBits)) {
                    return true;
                }
            }
            return false;
        }

        public long contributing(long leafBits) {
            long bits = 0;
            for (LeafProgram child : children) {
                if (child.eval(leafBits)) {
                    bits |= child.contributing(leafBits);
                }
            }
            return bits;
        }
    }

    record All(LeafProgram[] children) implements LeafProgram {
        public boolean eval(long leafBits) {
            for (LeafProgram child : children) {
                if (!child.eval(leafBits)) {
                    return false;
                }
            }
            return true;
        }

        public long contributing(long leafBits) {
            long bits = 0;
            for (LeafProgram child : children) {
                bits |= child.contributing(leafBits);
            }
            return bits;
        }
    }
}
