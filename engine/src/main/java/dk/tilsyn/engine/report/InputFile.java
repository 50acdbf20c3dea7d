package dk.tilsyn.engine.report;

import dk.tilsyn.engine.io.FileFacts;

/**
 * One input file of an analysis, as evidence: what it was used as, for which system, and its fingerprint.
 *
 * @param role   {@code persons}, {@code extract}, {@code changelog}, {@code parameters}, {@code mapping},
 *               {@code rules} or {@code reconciliation}
 * @param system the system id, or null for files that belong to no single system
 */
public record InputFile(String role, String system, String name, String sha256, long size, long rows) {

    public static InputFile of(String role, String system, FileFacts facts) {
        return new InputFile(role, system, facts.name(), facts.sha256(), facts.size(), facts.rows());
    }
}
