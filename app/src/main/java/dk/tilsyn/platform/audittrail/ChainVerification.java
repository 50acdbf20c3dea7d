package dk.tilsyn.platform.audittrail;

/**
 * The outcome of checking one chain.
 *
 * @param firstBrokenSeq sequence number of the first entry that does not verify, or null when intact
 * @param problem        what is wrong with it (message key), or null when intact
 */
public record ChainVerification(String chain, long entriesChecked, Long firstBrokenSeq, Long firstBrokenId,
                                String problem) {

    public boolean intact() {
        return firstBrokenSeq == null;
    }
}
