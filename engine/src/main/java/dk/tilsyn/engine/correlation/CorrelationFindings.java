package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.findings.FindingKind;
import dk.tilsyn.engine.findings.Severity;
import dk.tilsyn.engine.persons.Person;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Words the correlation's findings. Severities: leaver access and accounts nobody answers for are HIGH (access
 * that can be used without anyone accountable); a second account in one system is MEDIUM (004 §4.1.2: it can get
 * around controls tied to one identity); differing master data is LOW (004 §4.1.7: housekeeping that hampers
 * control). Only active accounts are reported: an inactive account gives no access.
 */
final class CorrelationFindings {

    /** Kind, person (findings without one last), first account; written out, as it runs for every finding. */
    static final Comparator<Finding> ORDER = CorrelationFindings::compare;

    private static int compare(Finding a, Finding b) {
        int c = a.kind().compareTo(b.kind());
        if (c == 0) {
            c = (a.person() == null ? "\uffff" : a.person()).compareTo(b.person() == null ? "\uffff" : b.person());
        }
        return c != 0 ? c : firstAccount(a).compareTo(firstAccount(b));
    }

    private static final AccountRef NO_ACCOUNT = new AccountRef("", "");

    private static AccountRef firstAccount(Finding finding) {
        return finding.accounts().isEmpty() ? NO_ACCOUNT : finding.accounts().getFirst();
    }

    private final PersonIndex persons;
    private final ManualMapping mapping;
    private final LocalDate asOf;

    CorrelationFindings(PersonIndex persons, ManualMapping mapping, LocalDate asOf) {
        this.persons = persons;
        this.mapping = mapping;
        this.asOf = asOf;
    }

    /**
     * The accounts' findings (made as each was linked) and every person's. Each check reads only its own account or
     * person, so they run on every core; the ordered streams keep input order and the final sort is stable, so the
     * findings are the same as checking one by one.
     *
     * <p>Each person's active accounts are put in {@link dk.tilsyn.engine.access.AccountRef} order here, in the same
     * visit as the person's checks (which rely on that order): the accounts are read from memory once for both, not
     * once to sort and again to check — in a large set they lie far apart, and that reading is most of the cost.
     */
    List<Finding> of(List<Correlator.Linked> links, int[] personOrder, List<Account>[] activeByPerson) {
        List<Finding> findings = new ArrayList<>();
        for (Correlator.Linked linked : links) {
            if (!linked.findings().isEmpty()) {
                findings.addAll(linked.findings());
            }
        }
        // Persons in id order, each with their active accounts by ordinal: no look-up of the person again.
        Arrays.stream(personOrder).parallel().filter(ordinal -> activeByPerson[ordinal] != null)
                .mapToObj(ordinal -> {
                    Correlator.sortByRef(activeByPerson[ordinal]);
                    return ofPerson(persons.person(ordinal), activeByPerson[ordinal]);
                }).toList()
                .forEach(findings::addAll);
        findings.sort(ORDER);
        return findings;
    }

    /** The account's own findings: nobody answers for it, or its master data differ from its person's. */
    List<Finding> ofAccount(Link link, Person person) {
        if (!link.account().active()) {
            return List.of();
        }
        if (link.method() == MatchMethod.NONE) {
            return List.of(orphan(link.account()));
        }
        return link.subject().isPerson() ? mismatch(link.account(), person) : List.of();
    }

    private List<Finding> ofPerson(Person person, List<Account> accounts) {
        List<Finding> findings = new ArrayList<>(0);
        duplicates(person, accounts, findings);
        leaver(person, accounts, findings);
        return findings;
    }

    private Finding orphan(Account account) {
        if (account.type().personal()) {
            return finding(FindingKind.ORPHAN_ACCOUNT, Severity.HIGH, "correlation.orphan-account", null,
                    List.of(account), "Kontoen \"" + account.account() + "\" i " + account.system()
                            + " kan ikke knyttes til nogen person i personregistret (hverken via person-id, brugernavn, "
                            + "e-mail eller manuel tilknytning). Find ejeren, eller luk kontoen.");
        }
        return finding(FindingKind.ORPHAN_ACCOUNT, Severity.HIGH, "correlation.unowned-account", null,
                List.of(account), "Den upersonlige konto \"" + account.account() + "\" (" + account.type().code()
                        + ") i " + account.system() + " har ingen ansvarlig person. Angiv den ansvarlige i "
                        + "kolonnen person_id eller i tilknytningsfilen, eller luk kontoen.");
    }

    private void duplicates(Person person, List<Account> accounts, List<Finding> findings) {
        if (!twoPersonalInOneSystem(accounts)) {
            return; // the common case, decided without grouping (runs for every person)
        }
        Map<String, List<Account>> bySystem = new TreeMap<>();
        accounts.stream().filter(a -> a.type().personal())
                .forEach(a -> bySystem.computeIfAbsent(a.system(), s -> new ArrayList<>()).add(a));
        bySystem.forEach((system, inSystem) -> {
            if (inSystem.size() >= 2) {
                findings.add(finding(FindingKind.DUPLICATE_ACCOUNT, Severity.MEDIUM, "correlation.duplicate-account",
                        person, inSystem, describe(person) + " har " + inSystem.size() + " aktive konti i " + system
                                + ": " + names(inSystem) + ". Hver person må kun have én adgangsgivende konto pr. "
                                + "system; luk de overflødige."));
            }
        });
    }

    /** The accounts are sorted by system, so two personal accounts of one system follow each other once filtered. */
    private static boolean twoPersonalInOneSystem(List<Account> accounts) {
        String previous = null;
        for (Account account : accounts) {
            if (account.type().personal()) {
                if (account.system().equals(previous)) {
                    return true;
                }
                previous = account.system();
            }
        }
        return false;
    }

    /** The employment end is the last working day, so access on that very day is still legitimate. */
    private void leaver(Person person, List<Account> accounts, List<Finding> findings) {
        if (person.employmentEnd() == null || !person.employmentEnd().isBefore(asOf)) {
            return;
        }
        findings.add(finding(FindingKind.LEAVER_ACCESS, Severity.HIGH, "correlation.leaver-access", person, accounts,
                describe(person) + " fratrådte " + person.employmentEnd() + ", men har pr. " + asOf
                        + " stadig aktiv adgang: " + accounts.stream().map(a -> a.system() + " \"" + a.account() + "\"")
                        .collect(Collectors.joining(", ")) + ". Luk adgangene."));
    }

    private List<Finding> mismatch(Account account, Person person) {
        boolean name = differs(person.name(), account.name());
        boolean email = differs(person.email(), account.email());
        if (!name && !email) {
            return List.of(); // the common case, without a list per account
        }
        List<String> differing = new ArrayList<>(2);
        if (name) {
            differing.add("navn \"" + account.name() + "\" mod \"" + person.name() + "\"");
        }
        if (email) {
            differing.add("e-mail \"" + account.email() + "\" mod \"" + person.email() + "\"");
        }
        return List.of(finding(FindingKind.MASTER_DATA_MISMATCH, Severity.LOW, "correlation.master-data-mismatch",
                person, List.of(account), "Stamdata for " + describe(person) + " i " + account.system()
                        + " (konto \"" + account.account() + "\") afviger fra personregistret: "
                        + String.join("; ", differing) + ". Ajourfør systemet."));
    }

    /** Case, surrounding spaces, runs of spaces and Unicode composition are formatting, not a difference. */
    static boolean differs(String master, String system) {
        if (master == null || system == null || master.equals(system) || master.strip().equalsIgnoreCase(system.strip())) {
            return false; // the common case, decided without normalising (runs for every active account)
        }
        return !normal(master).equals(normal(system));
    }

    private static final Pattern SPACES = Pattern.compile("\\s+");

    static String normal(String text) {
        return SPACES.matcher(Normalizer.normalize(text, Normalizer.Form.NFC).strip()).replaceAll(" ")
                .toLowerCase(Locale.ROOT);
    }

    private Finding finding(FindingKind kind, Severity severity, String rule, Person person, List<Account> accounts,
            String explanation) {
        TreeSet<String> systems = new TreeSet<>();
        TreeSet<AccountRef> refs = new TreeSet<>();
        TreeSet<SourceRef> evidence = new TreeSet<>(SourceRef.ORDER);
        for (Account account : accounts) {
            systems.add(account.system());
            refs.add(account.ref());
            evidence.addAll(account.sources());
            SourceRef mapped = mapping.sources().get(account.ref());
            if (mapped != null) {
                evidence.add(mapped);
            }
        }
        if (person != null) {
            persons.source(person.personId()).ifPresent(evidence::add);
        }
        return new Finding(kind, severity, rule, person == null ? null : person.personId(), List.copyOf(systems),
                List.copyOf(refs), List.copyOf(evidence), explanation);
    }

    private static String describe(Person person) {
        return (person.name() == null ? "Personen" : person.name()) + " (" + person.personId() + ")";
    }

    private static String names(List<Account> accounts) {
        return accounts.stream().map(a -> "\"" + a.account() + "\"").collect(Collectors.joining(", "));
    }
}
