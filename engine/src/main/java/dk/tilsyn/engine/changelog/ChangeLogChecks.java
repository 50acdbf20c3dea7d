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

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Reads change logs for the four patterns the guidance asks controllers to look for. Each finding cites the log
 * line; whether the change was justified is for the controller to document (the guidance: "der ikke kan
 * begrundes"). Who is privileged is judged from the extracts on the as-of date — the only record of rights the
 * engine has; a right held at the time of the event but removed since is therefore not seen.
 *
 * <p>Two steps, so an analysis can read the log while it correlates: {@link #flag} finds the lines and needs only
 * the extracts' accounts; {@link Flagged#findings} words them and names the person behind each actor.
 */
public final class ChangeLogChecks {

    static final String SELF = "changelog.self-assignment";
    static final String ADMIN = "changelog.admin-grant";
    static final String CREDENTIALS = "changelog.credential-change";
    static final String OUTSIDE = "changelog.outside-process";

    private final PrivilegeLookup privileges;
    private final RuleSet rules;

    public ChangeLogChecks(RuleSet rules) {
        this.privileges = new PrivilegeLookup(rules);
        this.rules = rules;
    }

    /** Both steps in one: the findings, in the order the logs read. */
    public List<Finding> check(List<ChangeEvent> events, ChangeLogContext context, IntFunction<String> personOf) {
        return flag(events, context).findings(personOf);
    }

    /**
     * The lines that give a finding, in the order the logs read (file, line, then rule). The events are checked on
     * every core: each reads only the index and the rule set; the ordered stream and the stable sort give the same
     * result as checking them one by one.
     */
    public Flagged flag(List<ChangeEvent> events, ChangeLogContext context) {
        if (events.isEmpty()) {
            return new Flagged(List.of()); // no log: no index of every account either
        }
        Set<String> process = context.processAccounts().stream().map(AccountIndex::key).collect(Collectors.toSet());
        AccountIndex index = new AccountIndex(context.accounts());
        Flag[] flags = events.parallelStream()
                .<Flag>mapMulti((event, found) -> check(event, index, process, context, found)).toArray(Flag[]::new);
        Arrays.sort(flags, ChangeLogChecks::byLogLine);
        return new Flagged(List.of(flags));
    }

    /** One line and the pattern it shows. */
    private record Flag(FindingKind kind, String rule, ResolvedChange change) {
    }

    /** Lines found by {@link #flag}, to be worded once correlation tells who holds each account. */
    public final class Flagged {

        private final List<Flag> flags;

        private Flagged(List<Flag> flags) {
            this.flags = flags;
        }

        /**
         * @param personOf the person_id of the person the context's {@code accounts().get(i)} is tied to, or null;
         *                 called from several threads at once, so it must only read
         */
        public List<Finding> findings(IntFunction<String> personOf) {
            return flags.parallelStream().map(flag -> finding(flag, personOf)).toList();
        }
    }

    /** By the log line cited, then rule: the order the log reads in. */
    private static int byLogLine(Flag a, Flag b) {
        int c = SourceRef.ORDER.compare(a.change().event().source(), b.change().event().source());
        return c != 0 ? c : a.rule().compareTo(b.rule());
    }

    private void check(ChangeEvent event, AccountIndex index, Set<String> process, ChangeLogContext context,
                       Consumer<Flag> found) {
        // Compared as written, ignoring case: no lowercased copy of the action per line.
        boolean grant = "grant".equalsIgnoreCase(event.action());
        boolean credentials = !grant && ("change_email".equalsIgnoreCase(event.action())
                || "change_password".equalsIgnoreCase(event.action()));
        if (!grant && !credentials) {
            return; // revocations, new accounts and the like: none of the four patterns
        }
        ResolvedChange change = index.resolve(event);
        boolean self = change.self();
        if (grant && self) {
            found.accept(new Flag(FindingKind.SELF_ASSIGNMENT, SELF, change));
        }
        // Whether the actor is privileged reads all the actor's assignments: asked only where it decides something.
        if (grant && !self && grantsPrivilege(change, context) && actorPrivileged(change, context)) {
            found.accept(new Flag(FindingKind.ADMIN_GRANT, ADMIN, change));
        }
        if (credentials && event.hasTarget() && !self && actorPrivileged(change, context)) {
            found.accept(new Flag(FindingKind.CREDENTIAL_CHANGE, CREDENTIALS, change));
        }
        if (grant && !process.isEmpty() && !process.contains(AccountIndex.key(event.actor()))) {
            found.accept(new Flag(FindingKind.OUTSIDE_PROCESS, OUTSIDE, change));
        }
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

    /**
     * Runs for every line outside the process (tens of thousands in a large log), so the text is put together
     * directly rather than through a format string.
     */
    private Finding finding(Flag flag, IntFunction<String> personOf) {
        ResolvedChange change = flag.change();
        ChangeEvent event = change.event();
        AccountRef actor = change.actor();
        AccountRef target = change.target();
        List<AccountRef> accounts = target == null || target.equals(actor) ? List.of(actor)
                : actor.compareTo(target) < 0 ? List.of(actor, target) : List.of(target, actor);
        String person = change.actorPosition() == AccountIndex.NONE ? null : personOf.apply(change.actorPosition());
        String who = "Konto " + actor.account() + (person == null ? "" : " (person " + person + ")");
        String system = rules.system(event.system()).map(SystemDef::name).orElse(event.system());
        String when = when(event.time());
        String text = switch (flag.kind()) {
            case SELF_ASSIGNMENT -> who + " tildelte sig selv " + describe(event) + " i " + system + " den " + when + ".";
            case ADMIN_GRANT -> who + " har privilegerede rettigheder og tildelte " + describe(event) + " til "
                    + targetName(change) + " i " + system + " den " + when + ".";
            case CREDENTIAL_CHANGE -> who + " har privilegerede rettigheder og ændrede " + targetName(change) + "s "
                    + ("change_email".equalsIgnoreCase(event.action()) ? "e-mailadresse" : "adgangskode") + " i "
                    + system + " den " + when + ".";
            default -> who + " tildelte " + describe(event) + " direkte i " + system + " den " + when
                    + " – uden om den fastlagte tildelingsproces (IGA).";
        };
        Severity severity = flag.kind() == FindingKind.OUTSIDE_PROCESS ? Severity.MEDIUM : Severity.HIGH;
        return new Finding(flag.kind(), severity, flag.rule(), person, List.of(event.system()), accounts,
                List.of(event.source()), text + " (ændringslog " + event.source().file() + " linje "
                        + event.source().line() + ")");
    }

    /** {@code dd-MM-yyyy kl. HH:mm}, written out: a formatter per finding costs more than the rest of the text. */
    static String when(LocalDateTime time) {
        return two(time.getDayOfMonth()) + "-" + two(time.getMonthValue()) + "-" + four(time.getYear()) + " kl. "
                + two(time.getHour()) + ":" + two(time.getMinute());
    }

    private static String two(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String four(int year) {
        String digits = Integer.toString(year);
        return digits.length() >= 4 ? digits : "0".repeat(4 - digits.length()) + digits;
    }

    private static String targetName(ResolvedChange change) {
        return change.target() == null ? "en anden bruger" : "kontoen " + change.target().account();
    }

    private static String describe(ChangeEvent event) {
        String what = event.entitlementType() == EntitlementType.PROKURA ? "prokura" : "rettigheden";
        return event.entitlement() == null ? what : what + " \"" + event.entitlement() + "\"";
    }
}
