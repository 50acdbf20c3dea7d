package dk.tilsyn.engine.rules;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ContentHashTest {

    private static final String A = """
            id: h
            version: "1"
            title: Hash
            systems:
              - id: s
                name: S
                functions:
                  - id: f
                    title: F
                    grant: {any-of: [{entitlement: [X, Y]}, {entitlement_type: prokura}]}
                  - id: g
                    title: G
                    grant: {entitlement: Z}
            rules:
              - {id: r, kind: sod-conflict, severity: low, title: T, explanation: E, source: S, all-of: [s.f, s.g]}
            """;

    // Same content: block style, comments, other key order, list order where order has no meaning.
    private static final String A_REFORMATTED = """
            # a comment
            version: '1'
            id: h
            title: "Hash"
            rules:
              - source: S
                explanation: E
                title: T
                severity: low
                kind: sod-conflict
                id: r
                all-of:
                  - s.g
                  - s.f
            systems:
              - name: S
                id: s
                functions:
                  - title: G
                    id: g
                    grant:
                      entitlement: Z
                  - id: f
                    title: F
                    grant:
                      any-of:
                        - entitlement_type: prokura
                        - entitlement: [Y, X]
            """;

    private static RuleSet load(String yaml) {
        return new RuleSetLoader(id -> Optional.empty()).load(new RuleSetLoader.Source("h.yaml", yaml));
    }

    @Test
    void sameContentSameHashRegardlessOfFormatting() {
        assertThat(load(A_REFORMATTED).contentHash()).isEqualTo(load(A).contentHash());
    }

    @Test
    void aContentChangeChangesTheHash() {
        String hash = load(A).contentHash();
        assertThat(load(A.replace("severity: low", "severity: medium")).contentHash()).isNotEqualTo(hash);
        assertThat(load(A.replace("[X, Y]", "[X, Y, W]")).contentHash()).isNotEqualTo(hash);
        assertThat(load(A.replace("version: \"1\"", "version: \"2\"")).contentHash()).isNotEqualTo(hash);
    }

    @Test
    void theDefaultRuleSetHashIsStableAcrossLoads() {
        assertThat(RuleSetLoader.loadDefault().contentHash()).isEqualTo(RuleSetLoader.loadDefault().contentHash())
                .matches("[0-9a-f]{64}");
    }
}
