package dk.tilsyn.engine.pipeline;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.analysis.Analyzer;
import dk.tilsyn.engine.analysis.ProposedAssignment;
import dk.tilsyn.engine.analysis.Subject;
import dk.tilsyn.engine.correlation.Correlation;
import dk.tilsyn.engine.correlation.Correlator;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.persons.Person;
import dk.tilsyn.engine.rules.Condition;
import dk.tilsyn.engine.rules.Conditions;
import dk.tilsyn.engine.rules.FunctionDef;
import dk.tilsyn.engine.rules.RuleSet;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One analysis's inputs read once and kept for preventive checks: every person of the HR master with their active
 * accounts (correlated exactly as the analysis does), and the compiled rule set. Answering "what would this grant
 * add?" is then one hash look-up and one {@link Analyzer#whatIf} — microseconds, where reading the files takes
 * seconds. Immutable and thread-safe.
 */
public final class WhatIfIndex {

    private final Analyzer analyzer;
    private final LocalDate asOf;
    private final Map<String, Subject> persons;
    private final Map<String, Set<String>> entitlementsBySystem;
    private final Map<String, Set<EntitlementType>> anyNameTypesBySystem;

    private WhatIfIndex(Analyzer analyzer, LocalDate asOf, Map<String, Subject> persons) {
        this.analyzer = analyzer;
        this.asOf = asOf;
        this.persons = Map.copyOf(persons);
        this.entitlementsBySystem = new HashMap<>();
        this.anyNameTypesBySystem = new HashMap<>();
        for (FunctionDef function : analyzer.ruleSet().functions()) {
            for (Condition.Match match : Conditions.matches(function.grant())) {
                if (match.entitlements().isEmpty()) {
                    anyNameTypesBySystem.computeIfAbsent(function.system(), s -> new HashSet<>()).add(match.type());
                }
                match.entitlements().forEach(e -> entitlementsBySystem
                        .computeIfAbsent(function.system(), s -> new HashSet<>()).add(lower(e)));
            }
        }
    }

    /** Reads and correlates the request's persons and extracts (change logs, parameters and reconciliations are not needed). */
    public static WhatIfIndex load(AnalysisRequest request) {
        AnalysisRequest accessOnly = new AnalysisRequest(request.persons(), request.extracts(), List.of(), List.of(),
                List.of(), request.rules(), request.profiles(), request.mapping(), request.processAccounts(),
                request.asOf(), request.displayNames());
        LoadedInputs inputs = new InputLoader().load(accessOnly);
        Correlation correlation = new Correlator(inputs.persons(), inputs.mapping())
                .correlate(inputs.extracts(), request.asOf());
        Map<String, Subject> persons = HashMap.newHashMap(inputs.persons().persons().size());
        for (Person person : inputs.persons().persons()) {
            persons.put(person.personId(), Subject.person(person.personId(), List.of()));
        }
        for (Subject subject : AnalysisPipeline.subjectsOf(correlation)) {
            if (subject.personId() != null) {
                persons.put(subject.personId(), subject);
            }
        }
        return new WhatIfIndex(new Analyzer(inputs.rules()), request.asOf(), persons);
    }

    /** For callers that hold subjects already (tests, benchmarks): persons by id, as the analysis saw them. */
    public static WhatIfIndex of(RuleSet rules, LocalDate asOf, List<Subject> personSubjects) {
        Map<String, Subject> persons = new HashMap<>();
        personSubjects.stream().filter(s -> s.personId() != null).forEach(s -> persons.put(s.personId(), s));
        return new WhatIfIndex(new Analyzer(rules), asOf, persons);
    }

    public RuleSet ruleSet() {
        return analyzer.ruleSet();
    }

    public LocalDate asOf() {
        return asOf;
    }

    public int personCount() {
        return persons.size();
    }

    /** A person of the HR master with their active accounts (none, if they have no access yet). */
    public Optional<Subject> person(String personId) {
        return Optional.ofNullable(persons.get(personId));
    }

    /** The person's active accounts in a system, sorted by account name. */
    public List<String> accountsIn(Subject subject, String system) {
        return subject.accounts().stream().filter(a -> a.system().equals(system)).map(Account::account).sorted().toList();
    }

    /** The findings the proposed grant would newly create for the subject, as of the inputs' date. */
    public List<Finding> whatIf(Subject subject, ProposedAssignment proposed) {
        return analyzer.whatIf(subject, proposed, asOf);
    }

    /** Whether the rule set defines the system at all. */
    public boolean knowsSystem(String system) {
        return analyzer.ruleSet().system(system).isPresent();
    }

    /**
     * Whether any function of the system could be granted by this entitlement: it is named in a function (compared
     * case-insensitively, as the analysis does), or the system has a matcher for any name of this type (a prokura).
     */
    public boolean couldMatter(String system, String entitlement, EntitlementType type) {
        if (entitlementsBySystem.getOrDefault(system, Set.of()).contains(lower(entitlement))) {
            return true;
        }
        Set<EntitlementType> anyName = anyNameTypesBySystem.getOrDefault(system, Set.of());
        return anyName.contains(null) || (type != null && anyName.contains(type));
    }

    private static String lower(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
