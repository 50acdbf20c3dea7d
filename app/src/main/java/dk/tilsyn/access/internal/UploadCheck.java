package dk.tilsyn.access.internal;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.extracts.ChangeLog;
import dk.tilsyn.engine.extracts.ChangeLogReader;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.extracts.ExtractReader;
import dk.tilsyn.engine.extracts.ParameterFile;
import dk.tilsyn.engine.extracts.ParameterReader;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.io.TabularSource;
import dk.tilsyn.engine.profiles.ProfileLoader;
import dk.tilsyn.systems.ItSystem;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongConsumer;

/**
 * Reads an uploaded file with the engine's readers — through the import profile chosen for the upload, for extracts —
 * so a file is accepted only if the analysis can read it; throws the readers' exceptions with every problem otherwise.
 */
final class UploadCheck {

    static final int PREVIEW_ROWS = 20;

    private UploadCheck() {
    }

    /**
     * How a file is read.
     *
     * @param profile the import profile (a shipped profile id), or null for the canonical columns; extracts only
     */
    record Reading(String systemKey, EvidenceKind kind, String profile) {

        /** A kept file, read as it was checked. */
        static Reading of(ItSystem system, Evidence evidence) {
            return new Reading(system.systemKey(), evidence.kind(), evidence.importProfile());
        }
    }

    static Preview read(Reading reading, Path file, String fileName) {
        return read(reading, TabularSource.of(file, fileName), ReadLimits.defaults(), null);
    }

    /** Reads with the given limits, reporting the data rows read so far to {@code rowsRead} (may be null). */
    static Preview read(Reading reading, TabularSource source, ReadLimits limits, LongConsumer rowsRead) {
        return switch (reading.kind()) {
            case EXTRACT -> extract(readExtract(reading, source, new ExtractReader(limits, rowsRead)));
            case CHANGELOG -> changeLog(new ChangeLogReader(limits, rowsRead).read(source, reading.systemKey()));
            case PARAMETERS -> parameters(new ParameterReader(limits, rowsRead).read(source, reading.systemKey()));
        };
    }

    private static Extract readExtract(Reading reading, TabularSource source, ExtractReader reader) {
        if (reading.profile() == null) {
            return reader.read(source, reading.systemKey());
        }
        return new ProfileLoader().shipped(reading.profile()).readExtract(reader, source, reading.systemKey());
    }

    private static Preview extract(Extract extract) {
        List<List<String>> rows = new ArrayList<>();
        for (Account account : extract.accounts()) {
            List<Assignment> assignments = account.assignments().isEmpty() ? java.util.Collections.singletonList(null)
                    : account.assignments();
            for (Assignment a : assignments) {
                if (rows.size() == PREVIEW_ROWS) {
                    break;
                }
                rows.add(texts(account.account(), account.personId(), account.username(), account.name(),
                        account.type().code(), account.active() ? "active" : "inactive",
                        a == null ? null : a.entitlement(), a == null ? null : a.type().code(),
                        a == null ? null : a.amountLimit(), a == null ? null : a.validFrom(), a == null ? null : a.validTo()));
            }
        }
        return new Preview(List.of("account", "person_id", "username", "name", "account_type", "status", "entitlement",
                "entitlement_type", "amount_limit", "valid_from", "valid_to"), rows, extract.facts().rows(),
                "evidence.summary.accounts", extract.accounts().size());
    }

    private static Preview changeLog(ChangeLog log) {
        List<List<String>> rows = log.events().stream().limit(PREVIEW_ROWS).map(UploadCheck::event).toList();
        return new Preview(List.of("time", "actor", "action", "target", "entitlement", "entitlement_type", "amount_limit"),
                rows, log.facts().rows(), "evidence.summary.events", log.events().size());
    }

    private static List<String> event(ChangeEvent e) {
        return texts(e.time(), e.actor(), e.action(), e.target(), e.entitlement(),
                e.entitlementType() == null ? null : e.entitlementType().code(), e.amountLimit());
    }

    private static Preview parameters(ParameterFile file) {
        List<List<String>> rows = file.values().entrySet().stream().limit(PREVIEW_ROWS)
                .map(entry -> texts(entry.getKey(), entry.getValue())).toList();
        return new Preview(List.of("parameter", "value"), rows, file.facts().rows(), "evidence.summary.parameters",
                file.values().size());
    }

    private static List<String> texts(Object... values) {
        List<String> texts = new ArrayList<>(values.length);
        for (Object value : values) {
            texts.add(Objects.toString(value, ""));
        }
        return texts;
    }
}
