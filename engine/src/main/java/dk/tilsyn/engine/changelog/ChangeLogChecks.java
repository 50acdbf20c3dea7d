package dk.tilsyn.engine.changelog;

import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.ChangeEvent;
import dk.tilsyn.engine.access.EntitlementType;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.rules.RuleSet;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads change logs for the four patterns the guidance asks controllers to look for. Each finding cites the log
 * line; whether the change was justified is for the controller to document (the guidance: "der ikke kan
 * begrundes").
 */
public final class ChangeLogChecks {

    static final String SELF = "changelog.self-assignment";
    static final String ADMIN = "changelog.admin-grant";
    static final String CREDENTIALS = "changelog.credential-change";
    static final String OUTSIDE = "changelog.outside-process";
    private static final Set<String> CREDENTIAL_ACTIONS = Set.of("change_email", "change_password");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy 'kl.' HH:mm");

    private final PrivilegeLookup privileges;

    public ChangeLogChecks(RuleSet rules) {
        this.privileges = new PrivilegeLookup(rules);
    }

    public List<Finding> check(List<ChangeEvent> events, ChangeLogContext context) {
        Set<String> process = context.processAccounts().stream().map(ChangeLogChecks::key).collect(Collectors.toSet());
        List<Finding> findings = new ArrayList<>();
        for (ChangeEvent event : events) {
            AccountRef actor = new AccountRef(event.system(), event.actor());
            AccountRef target = event.target() == null ? null : new AccountRef(event.system(), event.target());
            boolean grant = "grant".equalsIgnoreCase(event.action());
            boolean self = target != null && key(event.actor()).equals(key(event.target()));
            boolean actorPrivileged = privileges.privileged(context.accounts().get(actor), context.asOf());
            if (grant && self) {
                findings.add(finding(FindingKind.SELF_ASSIGNMENT, Severity.HIGH, SELF, event, context,
                        "%s tildelte sig selv %s i %s den %s."));
            }
            if (grant && !self && actorPrivileged && grantsPrivilege(event, target, context)) {
                findings.add(finding(FindingKind.ADMIN_GRANT, Severity.HIGH, ADMIN, event, context,
                        "%s har privilegerede rettigheder og tildelte %s til en anden bruger i %s den %s."));
            }
            if (CREDENTIAL_ACTIONS.contains(event.action().toLowerCase(Locale.ROOT)) && !self && actorPrivileged) {
                findings.add(finding(FindingKind.CREDENTIAL_CHANGE, Severity.HIGH, CREDENTIALS, event, context,
                        "%s har privilegerede rettigheder og ændrede en anden brugers %s i %s den %s."));
            }
            if (grant && !process.isEmpty() && !process.contains(key(event.actor()))) {
                findings.add(finding(FindingKind.OUTSIDE_PROCESS, Severity.MEDIUM, OUTSIDE, event, context,
                        "%s tildelte %s direkte i %s den %s – uden om den fastlagte tildelingsproces (IGA)."));
            }
        }
        findings.sort(Comparator.comparing((Finding f) -> f.evidence().getFirst().file())
                .thenComparingLong(f -> f.evidence().getFirst().line()).thenComparing(Finding::rule));
        return findings;
    }

    /** Granting a privileged entitlement ("creating an administrator"), or prokura to a privileged user. */
    private boolean grantsPrivilege(ChangeEvent event, AccountRef target, ChangeLogContext context) {
        if (privileges.privilegedEntitlement(event.system(), event.entitlement())) {
            return true;
        }
        boolean prokura = event.entitlementType() == EntitlementType.PROKURA;
        return prokura && target != null && privileges.privileged(context.accounts().get(target), context.asOf());
    }

    private static Finding finding(FindingKind kind, Severity severity, String rule, ChangeEvent event,
                                   ChangeLogContext context, String template) {
        AccountRef actor = new AccountRef(event.system(), event.actor());
        Set<AccountRef> accounts = new TreeSet<>();
        accounts.add(actor);
        if (event.target() != null && !event.target().isBlank()) {
            accounts.add(new AccountRef(event.system(), event.target()));
        }
        String what = kind == FindingKind.CREDENTIAL_CHANGE
                ? ("change_email".equalsIgnoreCase(event.action()) ? "e-mailadresse" : "adgangskode")
                : describe(event);
        String text = template.formatted(who(actor, context), what, event.system(), event.time().format(WHEN))
                + " (ændringslog " + event.source().file() + " linje " + event.source().line() + ")";
        return new Finding(kind, severity, rule, context.personOf().apply(actor).orElse(null), List.of(event.system()),
                List.copyOf(accounts), List.of(event.source()), text);
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
