package dk.tilsyn.testsupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The skip-or-fail rule behind {@link DatabaseAvailableCondition} and {@link ChromiumAvailableCondition}. */
class RequiredResourceTest {

    @Test
    void presentResourceRuns() {
        ConditionEvaluationResult result = RequiredResource.evaluate("PostgreSQL", true, true);
        assertThat(result.isDisabled()).isFalse();
    }

    @Test
    void missingResourceFailsTheRunUnderCi() {
        assertThatThrownBy(() -> RequiredResource.evaluate("PostgreSQL at 127.0.0.1:5432", false, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:5432 is not available")
                .hasMessageContaining("CI=true");
    }

    @Test
    void missingResourceIsSkippedVisiblyElsewhere() {
        ConditionEvaluationResult result = RequiredResource.evaluate("Chromium at /usr/bin/chromium", false, false);
        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValue("SKIPPED: Chromium at /usr/bin/chromium is not available"
                + " (mandatory under CI=true)");
    }

    @Test
    void anUnusedPortIsNotReachable() throws Exception {
        int freePort;
        try (var socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        assertThat(DatabaseAvailableCondition.reachable("127.0.0.1", freePort)).isFalse();
        try (var listening = new java.net.ServerSocket(0)) {
            assertThat(DatabaseAvailableCondition.reachable("127.0.0.1", listening.getLocalPort())).isTrue();
        }
    }
}
