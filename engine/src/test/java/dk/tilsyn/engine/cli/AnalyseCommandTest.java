package dk.tilsyn.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CLI end to end on the demo data set. The expected findings come from demo/demostyrelsen/expected-findings.csv,
 * written by hand from the guidance — not produced by this code.
 */
class AnalyseCommandTest {

    private static final Path DEMO = Path.of("..", "demo", "demostyrelsen");

    @Test
    void findsExactlyTheFindingsTheGuidanceCallsForOnTheDemoData(@TempDir Path out) throws IOException {
        Run run = analyse(out.resolve("demo.json"));

        assertThat(run.exitCode).as(run.stderr).isZero();
        assertThat(findingKeys(run.json)).containsExactlyInAnyOrderElementsOf(expectedKeys());
        assertThat(run.stdout).startsWith("Analyse færdig: 41 fund");
    }

    @Test
    void recordsTheRuleSetAndEveryInputFileWithItsHash(@TempDir Path out) throws IOException {
        JsonNode json = analyse(out.resolve("demo.json")).json;

        assertThat(json.get("ruleSet").get("id").asString()).isEqualTo("demostyrelsen");
        assertThat(json.get("ruleSet").get("layers").toString()).isEqualTo("[\"oes-udbetalingsproces\",\"demostyrelsen\"]");
        assertThat(json.get("ruleSet").get("contentHash").asString()).hasSize(64);
        assertThat(json.get("asOf").asString()).isEqualTo("2026-10-31");
        JsonNode persons = StreamSupport.stream(json.get("inputs").spliterator(), false)
                .filter(input -> "persons".equals(input.get("role").asString())).findFirst().orElseThrow();
        assertThat(persons.get("rows").asLong()).isEqualTo(150);
        assertThat(persons.get("sha256").asString()).matches("[0-9a-f]{64}");
        assertThat(json.get("summary").get("byKind").size()).isEqualTo(13);
    }

    @Test
    void writesTheOverviewMatrixAsAWorkbookThatOpensAndShowsTheConflict(@TempDir Path out) throws IOException {
        Path xlsx = out.resolve("demo.xlsx");
        Run run = analyse(out.resolve("demo.json"), "--xlsx", xlsx.toString());
        assertThat(run.exitCode).as(run.stderr).isZero();

        try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(xlsx.toFile())) {
            assertThat(workbook.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName))
                    .containsExactly("Overblik", "Fund", "Datagrundlag");
            List<org.dhatim.fastexcel.reader.Row> overview = workbook.getFirstSheet().read();
            org.dhatim.fastexcel.reader.Row p0017 = overview.stream()
                    .filter(row -> "P0017".equals(row.getCellText(0))).findFirst().orElseThrow();
            assertThat(p0017.getCellText(3)).isEqualTo("Ja");
            assertThat(p0017.stream().map(cell -> cell == null ? "" : cell.getText())).contains("X!");
            List<org.dhatim.fastexcel.reader.Row> findings = workbook.getSheet(1).orElseThrow().read();
            assertThat(findings).hasSize(42);
        }
    }

    @Test
    void theSameInputsGiveByteIdenticalJson(@TempDir Path out) throws IOException {
        analyse(out.resolve("first.json"));
        analyse(out.resolve("second.json"));

        assertThat(Files.readAllBytes(out.resolve("second.json"))).isEqualTo(Files.readAllBytes(out.resolve("first.json")));
    }

    @Test
    void aBadFileIsInvalidInputWithLineAndColumnOnStderr(@TempDir Path out) throws IOException {
        Path broken = out.resolve("rejsud.csv");
        Files.writeString(broken, "account;entitlement;valid_to\nabc;Godkender;31-02-2026\n", StandardCharsets.UTF_8);

        Run run = run("analyse", "--persons", DEMO.resolve("persons.csv").toString(), "--extract", "rejsud=" + broken,
                "--json", out.resolve("x.json").toString());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.stderr).contains("Ugyldigt input").contains("linje 2").contains("valid_to").contains("31-02-2026");
        assertThat(out.resolve("x.json")).doesNotExist();
    }

    @Test
    void aMissingFileAndAMalformedOptionAreInvalidInput(@TempDir Path out) {
        Run missing = run("analyse", "--persons", "no-such-file.csv", "--extract", "rejsud=x.csv",
                "--json", out.resolve("x.json").toString());
        assertThat(missing.exitCode).isEqualTo(2);
        assertThat(missing.stderr).contains("--persons").contains("findes ikke");

        Run malformed = run("analyse", "--persons", DEMO.resolve("persons.csv").toString(), "--extract", "rejsud",
                "--json", out.resolve("x.json").toString());
        assertThat(malformed.exitCode).isEqualTo(2);
        assertThat(malformed.stderr).contains("forventet SYSTEM=FIL");

        Run unknownOption = run("analyse", "--no-such-option");
        assertThat(unknownOption.exitCode).isEqualTo(2);
    }

    @Test
    void helpDocumentsEveryOption() {
        Run help = run("analyse", "--help");
        assertThat(help.exitCode).isZero();
        assertThat(help.stdout).contains("--persons", "--extract", "--changelog", "--parameters", "--rules", "--profile",
                "--as-of", "--json", "--xlsx", "--mapping", "--iga-account", "--reconcile", "Udgangskoder");
    }

    private Run analyse(Path json, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("analyse", "--persons", demo("persons.csv"),
                "--rules", demo("rules.yaml"), "--as-of", "2026-10-31", "--iga-account", "iga-robot",
                "--parameters", "sap=" + demo("parameters/sap.csv"),
                "--changelog", "rejsud=" + demo("changelogs/rejsud.csv"),
                "--changelog", "navision=" + demo("changelogs/navision.csv"),
                "--reconcile", "indfak=" + demo("reconciliation/indfak-iga.csv"),
                "--reconcile-entitlement", "Disponent Ordre", "--reconcile-entitlement", "Disponent Faktura",
                "--reconcile-entitlement", "Prokura", "--json", json.toString()));
        for (String system : List.of("rejsud", "indfak", "navision", "district", "nemkonto")) {
            args.addAll(List.of("--extract", system + "=" + demo("extracts/" + system + ".csv")));
        }
        args.addAll(List.of(extra));
        Run run = run(args.toArray(String[]::new));
        run.json = Files.exists(json) ? JsonMapper.builder().build().readTree(json.toFile()) : null;
        return run;
    }

    private static String demo(String file) {
        return DEMO.resolve(file).toString();
    }

    private static List<String> findingKeys(JsonNode json) {
        List<String> keys = new ArrayList<>();
        for (JsonNode finding : json.get("findings")) {
            List<String> systems = new ArrayList<>();
            finding.get("systems").forEach(system -> systems.add(system.asString()));
            List<String> accounts = new ArrayList<>();
            finding.get("accounts").forEach(a -> accounts.add(a.get("system").asString() + ":" + a.get("account").asString()));
            String person = finding.get("person").isNull() ? "" : finding.get("person").asString();
            keys.add(key(finding.get("kind").asString(), person, systems, accounts));
        }
        return keys;
    }

    private static List<String> expectedKeys() throws IOException {
        return Files.readAllLines(DEMO.resolve("expected-findings.csv")).stream().skip(1).filter(l -> !l.isBlank())
                .map(line -> line.split(";", -1))
                .map(c -> key(c[0], c[1], split(c[2]), split(c[3]))).toList();
    }

    private static List<String> split(String value) {
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\|"));
    }

    private static String key(String kind, String person, List<String> systems, List<String> accounts) {
        return kind + ";" + person + ";" + systems.stream().sorted().collect(Collectors.joining("|")) + ";"
                + accounts.stream().sorted().collect(Collectors.joining("|"));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(new TilsynCli());
            cli.setOut(new java.io.PrintWriter(System.out, true));
            cli.setErr(new java.io.PrintWriter(System.err, true));
            int code = cli.execute(args);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static final class Run {
        final int exitCode;
        final String stdout;
        final String stderr;
        JsonNode json;

        Run(int exitCode, String stdout, String stderr) {
            this.exitCode = exitCode;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }
}
