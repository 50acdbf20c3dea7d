package dk.tilsyn.engine.analysis;

/** Fixed-width bit sets as {@code long[]}: cheaper than {@link java.util.BitSet} in the per-subject hot loop. */
final class Bits {

    private Bits() {
    }

    static long[] of(int words, int... indexes) {
        long[] bits = new long[words];
        for (int index : indexes) {
            set(bits, index);
        }
        return bits;
    }

    static void set(long[] bits, int index) {
        bits[index >>> 6] |= 1L << index;
    }

    static boolean get(long[] bits, int index) {
        return (bits[index >>> 6] & (1L << index)) != 0;
    }

    static boolean containsAll(long[] held, long[] required) {
        for (int i = 0; i < required.length; i++) {
            if ((held[i] & required[i]) != required[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean intersects(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if ((a[i] & b[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    static void orInto(long[] target, long[] a, long[] mask) {
        for (int i = 0; i < target.length; i++) {
            target[i] |= a[i] & mask[i];
        }
    }

    static boolean isEmpty(long[] bits) {
        for (long word : bits) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }
}
