package dk.tilsyn.engine.findings;

import java.util.Locale;

/** How serious a finding is; ordered from most to least. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
