package dk.tilsyn.engine.cli;

import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.pipeline.AnalysisPipeline;
import dk.tilsyn.engine.pipeline.AnalysisRequest;
import dk.tilsyn.engine.pipeline.AnalysisResult;
import dk.tilsyn.engine.pipeline.InvalidRequestException;
import dk.tilsyn.engine.pipeline.Reconciliation;
import dk.tilsyn.engine.pipeline.SystemFile;
import dk.tilsyn.engine.profiles.ProfileException;
import dk.tilsyn.engine.report.json.JsonReport;
import dk.tilsyn.engine.rules.RuleSetException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code bin/tilsyn analyse}: one analysis from files to a JSON (and optionally XLSX) report. */
@Command(name = "analyse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Indlæser personer og udtræk, kobler konti til personer, evaluerer regelsættet for "
                + "funktionsadskillelse og skriver fundene som JSON (og XLSX-oversigt)."},
        footer = {"", "Eksempel (demo-data):",
                "  bin/tilsyn analyse --persons demo/demostyrelsen/persons.csv \\",
                "      --extract rejsud=demo/demostyrelsen/extracts/rejsud.csv --extract navision=demo/demostyrelsen/extracts/navision.csv \\",
                "      --rules demo/demostyrelsen/rules.yaml --as-of 2026-10-31 --json fund.json --xlsx fund.xlsx",
                "", "Filformater: docs/formats.md. Regelsæt: docs/rules.md.",
                "Udgangskoder: 0 analysen kørte (med eller uden fund), 2 ugyldigt input (fejl på stderr), 1 intern fejl."})
final class AnalyseCommand implements Callable<Integer> {

    @Option(names = "--persons", required = true, paramLabel = "FIL", description = "personer (HR/AD-stamdata), CSV eller XLSX")
    String persons;

    @Option(names = "--extract", required = true, paramLabel = "SYSTEM=FIL", description = "adgangsudtræk for et system (gentages; samme system må have flere filer)")
    List<String> extracts;

    @Option(names = "--changelog", paramLabel = "SYSTEM=FIL", description = "ændringslog for et system (gentages)")
    List<String> changeLogs;

    @Option(names = "--parameters", paramLabel = "SYSTEM=FIL", description = "sikkerhedsparametre for et system: kolonnerne parameter;value (gentages)")
    List<String> parameters;

    @Option(names = "--rules", paramLabel = "FIL", description = "regelsæt (YAML); et lag med 'extends: oes-udbetalingsproces' bygger på standarden. Standard: oes-udbetalingsproces")
    String rules;

    @Option(names = "--profile", paramLabel = "SYSTEM=PROFIL", description = "importprofil for systemets udtræk: et medleveret profil-id eller en YAML-fil (gentages)")
    Map<String, String> profiles = new LinkedHashMap<>();

    @Option(names = "--mapping", paramLabel = "FIL", description = "manuel kobling af konti til personer: system;account;person_id")
    String mapping;

    @Option(names = "--iga-account", paramLabel = "KONTO", description = "konto, hvis tildelinger er den faste proces (IGA/robot); andre tildelinger i ændringslogge rapporteres (gentages)")
    List<String> processAccounts;

    @Option(names = "--reconcile", paramLabel = "SYSTEM=FIL", description = "afstem et andet udtræk af systemet (fx IGA'ens) med systemets eget (gentages)")
    List<String> reconciliations;

    @Option(names = "--reconcile-entitlement", paramLabel = "RETTIGHED", description = "rettighed der afstemmes (gentages; uden: alle)")
    List<String> reconcileEntitlements;

    @Option(names = "--as-of", paramLabel = "ÅÅÅÅ-MM-DD", description = "opgørelsesdato (standard: i dag)")
    LocalDate asOf;

    @Option(names = "--json", required = true, paramLabel = "UD.json", description = "skriv resultatet som JSON")
    Path json;

    @Option(names = "--xlsx", paramLabel = "UD.xlsx", description = "skriv oversigtsmatricen, fund og datagrundlag som XLSX")
    Path xlsx;

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() {
        try {
            AnalysisResult result = new AnalysisPipeline().run(request());
            writeAtomically(json, stream -> JsonReport.write(result, stream));
            if (xlsx != null) {
                writeAtomically(xlsx, stream -> XlsxOutput.write(result, stream));
            }
            out.println(summary(result));
            return 0;
        } catch (InvalidInputException | RuleSetException | ProfileException | InvalidRequestException e) {
            err.println("Ugyldigt input: " + e.getMessage());
            return 2;
        } catch (RuntimeException | IOException e) {
            err.println("Intern fejl: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** Checks every option before anything is read, and reports all problems together. */
    private AnalysisRequest request() {
        List<String> problems = new ArrayList<>();
        Path personsFile = checked(problems, () -> SystemFileOption.existing("--persons", persons));
        Path rulesFile = rules == null ? null : checked(problems, () -> SystemFileOption.existing("--rules", rules));
        Path mappingFile = mapping == null ? null : checked(problems, () -> SystemFileOption.existing("--mapping", mapping));
        List<SystemFile> extractFiles = checkedList(problems, "--extract", extracts);
        List<SystemFile> logFiles = checkedList(problems, "--changelog", changeLogs);
        List<SystemFile> parameterFiles = checkedList(problems, "--parameters", parameters);
        Set<String> entitlements = reconcileEntitlements == null ? Set.of() : new LinkedHashSet<>(reconcileEntitlements);
        List<Reconciliation> reconcile = checkedList(problems, "--reconcile", reconciliations).stream()
                .map(file -> new Reconciliation(file.system(), file.file(), entitlements, profiles.get(file.system())))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(String.join("\n", problems));
        }
        return new AnalysisRequest(personsFile, extractFiles, logFiles, parameterFiles, reconcile, rulesFile, profiles,
                mappingFile, processAccounts == null ? Set.of() : Set.copyOf(processAccounts),
                asOf == null ? LocalDate.now() : asOf);
    }

    private static <T> T checked(List<String> problems, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidRequestException e) {
            problems.add(e.getMessage());
            return null;
        }
    }

    private static List<SystemFile> checkedList(List<String> problems, String option, List<String> values) {
        List<SystemFile> files = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            SystemFile file = checked(problems, () -> SystemFileOption.parse(option, value));
            if (file != null) {
                files.add(file);
            }
        }
        return files;
    }

    private static String summary(AnalysisResult result) {
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Finding finding : result.findings()) {
            bySeverity.merge(finding.severity(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder("Analyse færdig: ").append(result.findings().size()).append(" fund");
        bySeverity.forEach((severity, count) -> text.append(", ").append(severity.code()).append(' ').append(count));
        return text.append(" (").append(result.subjects()).append(" personer/konti, ").append(result.accounts())
                .append(" konti, regelsæt ").append(result.basis().ruleSetId()).append(' ')
                .append(result.basis().ruleSetVersion()).append(")").toString();
    }

    /** Writes beside the target and moves into place, so a failed run never leaves half a report. */
    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temporary = Files.createTempFile(absolute.getParent(), ".tilsyn-", ".part");
        try (OutputStream stream = Files.newOutputStream(temporary)) {
            writer.write(stream);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @FunctionalInterface
    private interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
