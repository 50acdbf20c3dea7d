package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.RuleSet;
import dk.tilsyn.engine.rules.SystemDef;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads change logs for the four patterns the guidance asks controllers to look for. Each finding cites the log
 * line; whether the change was justified is for the controller to document (the guidance: "der ikke kan
 * begrundes"). Who is privileged is judged from the extracts on the as-of date — the only record of rights the
 * engine has; a right held at the time of the event but removed since is therefore not seen.
 */
public final class ChangeLogChecks {

    static final String SELF = "changelog.self-assignment";
    static final String ADMIN = "changelog.admin-grant";
    static final String CREDENTIALS = "changelog.credential-change";
    static final String OUTSIDE = "changelog.outside-process";
    private static final Set<String> CREDENTIAL_ACTIONS = Set.of("change_email", "change_password");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH:mm");

    private final PrivilegeLookup privileges;
    private final RuleSet rules;

    public ChangeLogChecks(RuleSet rules) {
        this.privileges = new PrivilegeLookup(rules);
        this.rules = rules;
    }

    /**
     * The events are checked on every core: each reads only the index and the rule set. The ordered stream and the
     * stable sort give the same findings in the same order as checking them one by one.
     */
    public List<Finding> check(List<ChangeEvent> events, ChangeLogContext context) {
        Set<String> process = context.processAccounts().stream().map(ChangeLogChecks::key).collect(Collectors.toSet());
        AccountIndex index = new AccountIndex(context.accounts());
        List<Finding> findings = new ArrayList<>();
        events.parallelStream().map(event -> check(event, index, process, context)).toList()
                .forEach(findings::addAll);
        findings.sort(ChangeLogChecks::byLogLine);
        return findings;
    }

    /** By the log line cited, then rule: the order the log reads in. */
    private static int byLogLine(Finding a, Finding b) {
        int c = SourceRef.ORDER.compare(a.evidence().getFirst(), b.evidence().getFirst());
        return c != 0 ? c : a.rule().compareTo(b.rule());
    }

    private List<Finding> check(ChangeEvent event, AccountIndex index, Set<String> process, ChangeLogContext context) {
        boolean grant = "grant".equalsIgnoreCase(event.action());
        boolean credentials = CREDENTIAL_ACTIONS.contains(event.action().toLowerCase(Locale.ROOT));
        if (!grant && !credentials) {
            return List.of(); // revocations, new accounts and the like: none of the four patterns
        }
        ResolvedChange change = index.resolve(event);
        boolean self = change.self();
        List<Finding> findings = new ArrayList<>(0);
        if (grant && self) {
            findings.add(finding(FindingKind.SELF_ASSIGNMENT, Severity.HIGH, SELF, change, context,
                    "%s tildelte sig selv %s i %s den %s."));
        }
        // Whether the actor is privileged reads all the actor's assignments: asked only where it decides something.
        if (grant && !self && grantsPrivilege(change, context) && actorPrivileged(change, context)) {
            findings.add(finding(FindingKind.ADMIN_GRANT, Severity.HIGH, ADMIN, change, context,
                    "%s har privilegerede rettigheder og tildelte %s til " + targetName(change) + " i %s den %s."));
        }
        if (credentials && change.event().hasTarget() && !self && actorPrivileged(change, context)) {
            findings.add(finding(FindingKind.CREDENTIAL_CHANGE, Severity.HIGH, CREDENTIALS, change, context,
                    "%s har privilegerede rettigheder og ændrede " + targetName(change) + "s %s i %s den %s."));
        }
        if (grant && !process.isEmpty() && !process.contains(key(event.actor()))) {
            findings.add(finding(FindingKind.OUTSIDE_PROCESS, Severity.MEDIUM, OUTSIDE, change, context,
                    "%s tildelte %s direkte i %s den %s – uden om den fastlagte tildelingsproces (IGA)."));
        }
        return findings;
    }

    private boolean actorPrivileged(ResolvedChange change, ChangeLogContext context) {
        return privileges.privileged(change.actorAccount(), context.asOf());
    }

    /** Granting a privileged entitlement ("creating an administrator"), or prokura to a privileged user. */
    private boolean grantsPrivilege(ResolvedChange change, ChangeLogContext context) {
        ChangeEvent event = change.event();
        if (privileges.privilegedEntitlement(event.system(), event.entitlement())) {
            return true;
        }
        return event.entitlementType() == EntitlementType.PROKURA
                && privileges.privileged(change.targetAccount(), context.asOf());
    }

    private Finding finding(FindingKind kind, Severity severity, String rule, ResolvedChange change,
                            ChangeLogContext context, String template) {
        ChangeEvent event = change.event();
        Set<AccountRef> accounts = new TreeSet<>();
        accounts.add(change.actor());
        if (change.target() != null) {
            accounts.add(change.target());
        }
        String what = kind == FindingKind.CREDENTIAL_CHANGE
                ? ("change_email".equalsIgnoreCase(event.action()) ? "e-mailadresse" : "adgangskode")
                : describe(event);
        String system = rules.system(event.system()).map(SystemDef::name).orElse(event.system());
        String text = template.formatted(who(change.actor(), context), what, system, event.time().format(WHEN))
                + " (ændringslog " + event.source().file() + " linje " + event.source().line() + ")";
        return new Finding(kind, severity, rule, context.personOf().apply(change.actor()).orElse(null),
                List.of(event.system()), List.copyOf(accounts), List.of(event.source()), text);
    }

    private static String targetName(ResolvedChange change) {
        return change.target() == null ? "en anden bruger" : "kontoen " + change.target().account();
    }

    private static String describe(ChangeEvent event) {
        String what = event.entitlementType() == EntitlementType.PROKURA ? "prokura" : "rettigheden";
        return event.entitlement() == null ? what : what + " \"" + event.entitlement() + "\"";
    }

    private static String who(AccountRef account, ChangeLogContext context) {
        return context.personOf().apply(account).map(person -> "Konto " + account.account() + " (person " + person + ")")
                .orElse("Konto " + account.account());
    }

    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
