package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.Account;
import dk.tilsyn.engine.access.AccountRef;
import dk.tilsyn.engine.access.Assignment;
import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.extracts.Extract;
import dk.tilsyn.engine.persons.Person;
import dk.tilsyn.engine.persons.PersonsFile;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
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
        List<Account> accounts = merged(extracts);
        // Linking an account only reads the person index, so the accounts are linked on every core; the ordered
        // stream keeps input order, so everything below is the same as linking them one by one.
        List<Linked> linked = accounts.parallelStream().map(this::link).toList();
        Map<AccountRef, Link> links = LinkedHashMap.newLinkedHashMap(linked.size());
        Map<Subject, List<Account>> active = new LinkedHashMap<>();
        for (Linked each : linked) {
            Link link = each.link();
            links.put(link.account().ref(), link);
            if (link.account().active()) {
                active.computeIfAbsent(link.subject(), s -> new ArrayList<>(2)).add(link.account());
            }
        }
        active.values().parallelStream().forEach(list -> list.sort(BY_REF));
        CorrelationFindings findings = new CorrelationFindings(persons, mapping, asOf);
        return new Correlation(links, findings.of(linked, active), active);
    }

    /** Account order by {@link AccountRef}, without making a reference for every comparison. */
    private static final Comparator<Account> BY_REF = Comparator.comparing(Account::system)
            .thenComparing(Account::account);

    /** An account's link with the person found for it (null when none), so the findings need not look it up again. */
    record Linked(Link link, Person person) {
    }

    private Linked link(Account account) {
        if (!account.type().personal()) {
            Person responsible = persons.byId(account.personId());
            MatchMethod method = responsible != null ? MatchMethod.PERSON_ID : MatchMethod.NONE;
            if (responsible == null) {
                responsible = persons.byId(mapping.persons().get(account.ref()));
                method = responsible != null ? MatchMethod.MAPPING : MatchMethod.NONE;
            }
            return new Linked(new Link(account, Subject.account(account.ref()),
                    responsible == null ? null : responsible.personId(), method), responsible);
        }
        Person person;
        MatchMethod method;
        if ((person = persons.byId(account.personId())) != null) {
            method = MatchMethod.PERSON_ID;
        } else if ((person = persons.byUsername(account.username())) != null) {
            method = MatchMethod.USERNAME;
        } else if ((person = persons.byEmail(account.email())) != null) {
            method = MatchMethod.EMAIL;
        } else if ((person = mappedPerson(account)) != null) {
            method = MatchMethod.MAPPING;
        } else {
            return new Linked(new Link(account, Subject.account(account.ref()), null, MatchMethod.NONE), null);
        }
        return new Linked(new Link(account, Subject.person(person.personId()), person.personId(), method), person);
    }

    private Person mappedPerson(Account account) {
        return mapping.persons().isEmpty() ? null : persons.byId(mapping.persons().get(account.ref()));
    }

    /**
     * One account per system and name. The same account can arrive in two extracts of one system (e.g. District's
     * Brugeroversigt read once for mandates and once for rights); counting it twice would invent a duplicate.
     */
    static List<Account> merged(List<Extract> extracts) {
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
