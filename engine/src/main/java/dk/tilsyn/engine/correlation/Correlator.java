package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.findings.Finding;
import dk.tilsyn.engine.persons.Person;
import dk.tilsyn.engine.persons.PersonsFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ties accounts to persons (ACC-2, 004 §4.1.1) and reports what does not fit (§4.1.2, §4.1.7, leavers).
 *
 * <p>A personal account is tied by, in order: its {@code person_id}; its {@code username} equal to exactly one
 * person's username; its {@code email} equal to exactly one person's e-mail; the manual mapping. A key that finds
 * nobody falls through to the next. A non-personal account (generic, robot, batch, firefighter, service) is its own
 * subject and is never matched by username or e-mail — a robot named like a person is not that person; its
 * {@code person_id} or mapping row names its responsible person.
 */
public final class Correlator {

    private final PersonIndex persons;
    private final ManualMapping mapping;

    public Correlator(PersonsFile persons, ManualMapping mapping) {
        this.persons = new PersonIndex(persons);
        this.mapping = mapping;
    }

    /**
     * @param asOf the date the extracts describe; a person whose employment ended before it is a leaver
     */
    public Correlation correlate(List<Extract> extracts, LocalDate asOf) {
        return correlateAccounts(merged(extracts), asOf);
    }

    /**
     * @param accounts the extracts' accounts as {@link #merged} gives them; the correlation's links are in this order
     */
    public Correlation correlateAccounts(List<Account> accounts, LocalDate asOf) {
        CorrelationFindings findings = new CorrelationFindings(persons, mapping, asOf);
        // Linking an account only reads the person index, so the accounts are linked on every core; the ordered
        // stream keeps input order, so everything below is the same as linking them one by one. The account's own
        // findings are made in the same pass, while the account and its person are at hand.
        List<Linked> linked = accounts.parallelStream().map(account -> link(account, findings)).toList();
        List<Link> links = new ArrayList<>(linked.size());
        // How many active accounts each person has, so each person's list is made once at its size: growing 100,000
        // lists one account at a time copied most of them two or three times.
        int[] counts = new int[persons.size()];
        for (Linked each : linked) {
            if (each.active() && each.ordinal() >= 0) {
                counts[each.ordinal()]++;
            }
        }
        // A person's active accounts by the person's ordinal: an array slot, not a map entry keyed by person.
        @SuppressWarnings("unchecked")
        List<Account>[] byPerson = new List[persons.size()];
        List<Account> onTheirOwn = new ArrayList<>();
        // Reads only the linked records (not each account and subject again): one pass in input order.
        for (Linked each : linked) {
            links.add(each.link());
            if (each.active()) {
                if (each.ordinal() >= 0) {
                    List<Account> held = byPerson[each.ordinal()];
                    if (held == null) {
                        held = byPerson[each.ordinal()] = new ArrayList<>(counts[each.ordinal()]);
                    }
                    held.add(each.account());
                } else {
                    onTheirOwn.add(each.account());
                }
            }
        }
        int[] personOrder = persons.byIdOrder();
        Map<Subject, List<Account>> active = activeInOrder(personOrder, byPerson, onTheirOwn);
        // The persons' checks also put each person's accounts (the same lists as in the map) in reference order.
        return new Correlation(links, findings.of(linked, personOrder, byPerson), active);
    }

    /** Persons by id, then accounts on their own by system and name: the order subjects are reported in. */
    private Map<Subject, List<Account>> activeInOrder(int[] personOrder, List<Account>[] byPerson,
                                                      List<Account> onTheirOwn) {
        Map<Subject, List<Account>> active = LinkedHashMap.newLinkedHashMap(persons.size() + onTheirOwn.size());
        for (int ordinal : personOrder) {
            if (byPerson[ordinal] != null) {
                active.put(persons.subject(ordinal), byPerson[ordinal]);
            }
        }
        sortByRef(onTheirOwn);
        onTheirOwn.forEach(account -> active.put(Subject.account(account.ref()), new ArrayList<>(List.of(account))));
        return active;
    }

    /**
     * Sorts by {@link AccountRef} order without making a reference per comparison. A person's accounts usually arrive
     * in order already (extracts by system, accounts by name), which one pass sees without sorting.
     */
    static void sortByRef(List<Account> accounts) {
        for (int i = 1; i < accounts.size(); i++) {
            if (compareByRef(accounts.get(i - 1), accounts.get(i)) > 0) {
                accounts.sort(Correlator::compareByRef);
                return;
            }
        }
    }

    /** Written out rather than composed from key extractors: it runs for every account, and cold code is slow. */
    private static int compareByRef(Account first, Account second) {
        int bySystem = first.system().compareTo(second.system());
        return bySystem != 0 ? bySystem : first.account().compareTo(second.account());
    }

    /**
     * An account's link with the person found for it (null when none) and that person's ordinal in the index
     * ({@link PersonIndex#NONE} when none, and for an account that is its own subject), so nothing needs looking up
     * again; with the account, whether it is active and the account's own findings, made while the account was at
     * hand.
     */
    record Linked(Link link, Account account, boolean active, Person person, int ordinal, List<Finding> findings) {

        Linked(Link link, Person person, int ordinal, CorrelationFindings findings) {
            this(link, link.account(), link.account().active(), person, ordinal, findings.ofAccount(link, person));
        }
    }

    private Linked link(Account account, CorrelationFindings findings) {
        if (!account.type().personal()) {
            int responsible = persons.ordinalById(account.personId());
            MatchMethod method = MatchMethod.PERSON_ID;
            if (responsible < 0) {
                responsible = mappedPerson(account);
                method = MatchMethod.MAPPING;
            }
            Person person = responsible < 0 ? null : persons.person(responsible);
            return new Linked(new Link(account, Subject.account(account.ref()),
                    person == null ? null : person.personId(), person == null ? MatchMethod.NONE : method), person,
                    PersonIndex.NONE, findings);
        }
        int found;
        MatchMethod method;
        if ((found = persons.ordinalById(account.personId())) >= 0) {
            method = MatchMethod.PERSON_ID;
        } else if ((found = persons.ordinalByUsername(account.username())) >= 0) {
            method = MatchMethod.USERNAME;
        } else if ((found = persons.ordinalByEmail(account.email())) >= 0) {
            method = MatchMethod.EMAIL;
        } else if ((found = mappedPerson(account)) >= 0) {
            method = MatchMethod.MAPPING;
        } else {
            return new Linked(new Link(account, Subject.account(account.ref()), null, MatchMethod.NONE), null,
                    PersonIndex.NONE, findings);
        }
        Person person = persons.person(found);
        return new Linked(new Link(account, persons.subject(found), person.personId(), method), person,
                found, findings);
    }

    private int mappedPerson(Account account) {
        return mapping.persons().isEmpty() ? PersonIndex.NONE : persons.ordinalById(mapping.persons().get(account.ref()));
    }

    /**
     * One account per system and name. The same account can arrive in two extracts of one system (e.g. District's
     * Brugeroversigt read once for mandates and once for rights); counting it twice would invent a duplicate.
     */
    public static List<Account> merged(List<Extract> extracts) {
        Set<String> systems = new HashSet<>();
        if (extracts.stream().allMatch(extract -> systems.add(extract.system()))) {
            // Each system in one extract only: an extract holds one account per name already, nothing to merge.
            List<Account> all = new ArrayList<>(extracts.stream().mapToInt(e -> e.accounts().size()).sum());
            extracts.forEach(extract -> all.addAll(extract.accounts()));
            return all;
        }
        Map<AccountRef, Account> byRef = new LinkedHashMap<>();
        for (Extract extract : extracts) {
            for (Account account : extract.accounts()) {
                byRef.merge(account.ref(), account, Correlator::merge);
            }
        }
        return new ArrayList<>(byRef.values());
    }

    private static Account merge(Account first, Account second) {
        List<Assignment> assignments = new ArrayList<>(first.assignments());
        assignments.addAll(second.assignments());
        List<SourceRef> sources = new ArrayList<>(first.sources());
        sources.addAll(second.sources());
        return new Account(first.system(), first.account(), first.personId() != null ? first.personId()
                : second.personId(), first.username() != null ? first.username() : second.username(),
                first.email() != null ? first.email() : second.email(),
                first.name() != null ? first.name() : second.name(), first.type(), first.active() || second.active(),
                List.copyOf(assignments), List.copyOf(sources));
    }
}
