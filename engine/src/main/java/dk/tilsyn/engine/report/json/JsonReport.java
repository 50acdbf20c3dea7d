package dk.tilsyn.engine.report.json;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.pipeline.AnalysisResult;
import dk.tilsyn.engine.report.DataBasis;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.OutputStream;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an analysis result as JSON. Byte-identical for the same result: fixed key order, no timestamps, the
 * findings in the result's (sorted) order, and codes rather than enum names.
 */
public final class JsonReport {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonReport() {
    }

    public static void write(AnalysisResult result, OutputStream out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", "tilsyn-analysis/1");
        root.put("ruleSet", ruleSet(result.basis()));
        root.put("asOf", result.basis().asOf().toString());
        root.put("inputs", result.basis().inputs());
        root.put("summary", summary(result));
        root.put("findings", result.findings().stream().map(JsonReport::finding).toList());
        root.put("matrix", result.matrix());
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            JSON.writeValue(generator, root);
        }
    }

    private static Map<String, Object> ruleSet(DataBasis basis) {
        Map<String, Object> ruleSet = new LinkedHashMap<>();
        ruleSet.put("id", basis.ruleSetId());
        ruleSet.put("version", basis.ruleSetVersion());
        ruleSet.put("contentHash", basis.ruleSetHash());
        ruleSet.put("layers", basis.ruleSetLayers());
        return ruleSet;
    }

    private static Map<String, Object> summary(AnalysisResult result) {
        Map<FindingKind, Integer> byKind = new EnumMap<>(FindingKind.class);
        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        for (Finding finding : result.findings()) {
            byKind.merge(finding.kind(), 1, Integer::sum);
            bySeverity.merge(finding.severity(), 1, Integer::sum);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("findings", result.findings().size());
        Map<String, Integer> kinds = new LinkedHashMap<>();
        byKind.forEach((kind, count) -> kinds.put(kind.code(), count));
        summary.put("byKind", kinds);
        Map<String, Integer> severities = new LinkedHashMap<>();
        bySeverity.forEach((severity, count) -> severities.put(severity.code(), count));
        summary.put("bySeverity", severities);
        summary.put("subjects", result.subjects());
        summary.put("accounts", result.accounts());
        return summary;
    }

    static Map<String, Object> finding(Finding finding) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", finding.kind().code());
        json.put("severity", finding.severity().code());
        json.put("rule", finding.rule());
        json.put("person", finding.person());
        json.put("systems", finding.systems());
        json.put("accounts", finding.accounts().stream().map(JsonReport::account).toList());
        json.put("evidence", finding.evidence().stream().map(JsonReport::evidence).toList());
        json.put("explanation", finding.explanation());
        return json;
    }

    private static Map<String, Object> account(AccountRef account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", account.system());
        json.put("account", account.account());
        return json;
    }

    private static Map<String, Object> evidence(SourceRef source) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", source.file());
        json.put("line", source.line());
        return json;
    }

    /** For callers that want the findings alone (e.g. a web export). */
    public static List<Map<String, Object>> findings(List<Finding> findings) {
        return findings.stream().map(JsonReport::finding).toList();
    }
}
