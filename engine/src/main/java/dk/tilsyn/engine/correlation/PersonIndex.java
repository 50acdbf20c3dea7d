package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.persons.Person;
import dk.tilsyn.engine.persons.PersonsFile;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Persons by id, username and e-mail; usernames and e-mails compared case-insensitively, ignoring surrounding spaces.
 *
 * <p>Each person is known by an ordinal, its position in the file, so correlation can group accounts per person in
 * an array instead of a map keyed by person.
 */
final class PersonIndex {

    /** No person has the key. */
    static final int NONE = -1;
    /** Two or more persons share the username or e-mail: a data error, and no match. */
    private static final int SHARED = -2;

    private final PersonsFile file;
    private final List<Person> persons;
    private final Map<String, Integer> byId;
    private final Map<String, Integer> byUsername;
    private final Map<String, Integer> byEmail;
    /**
     * Each person's subject, made on first use: one object per person instead of one per account. Filled from
     * several threads; a slot made twice holds equal subjects, and a record's final fields make either safe to read.
     */
    private final Subject[] subjects;

    PersonIndex(PersonsFile file) {
        this.file = file;
        this.persons = file.persons();
        byId = HashMap.newHashMap(persons.size());
        byUsername = HashMap.newHashMap(persons.size());
        byEmail = HashMap.newHashMap(persons.size());
        subjects = new Subject[persons.size()];
        for (int i = 0; i < persons.size(); i++) {
            Person person = persons.get(i);
            byId.put(person.personId(), i);
            add(byUsername, person.username(), i);
            add(byEmail, person.email(), i);
        }
    }

    private static void add(Map<String, Integer> index, String key, int ordinal) {
        if (key != null && !key.isBlank()) {
            index.merge(key(key), ordinal, (first, second) -> SHARED);
        }
    }

    static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    int size() {
        return persons.size();
    }

    Person person(int ordinal) {
        return persons.get(ordinal);
    }

    Subject subject(int ordinal) {
        Subject subject = subjects[ordinal];
        if (subject == null) {
            subject = subjects[ordinal] = Subject.person(persons.get(ordinal).personId());
        }
        return subject;
    }

    /** The ordinals of all persons, sorted by person id. */
    int[] byIdOrder() {
        if (inIdOrder()) {
            return IntStream.range(0, persons.size()).toArray();
        }
        Integer[] order = new Integer[persons.size()];
        Arrays.setAll(order, i -> i);
        // Usually already in id order (HR exports are), which the sort sees in one pass.
        Arrays.sort(order, Comparator.comparing(i -> persons.get(i).personId()));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** HR exports usually come sorted by person id: one pass tells, and spares sorting 100,000 boxed ordinals. */
    private boolean inIdOrder() {
        for (int i = 1; i < persons.size(); i++) {
            if (persons.get(i - 1).personId().compareTo(persons.get(i).personId()) > 0) {
                return false;
            }
        }
        return true;
    }

    Person byId(String personId) {
        int ordinal = ordinalById(personId);
        return ordinal < 0 ? null : persons.get(ordinal);
    }

    int ordinalById(String personId) {
        return personId == null ? NONE : byId.getOrDefault(personId.strip(), NONE);
    }

    /**
     * The one person with this username; NONE when none or several have it — two persons sharing a username in
     * the HR file is a data error, and guessing between them would put access on the wrong person.
     */
    int ordinalByUsername(String username) {
        return unique(byUsername, username);
    }

    int ordinalByEmail(String email) {
        return unique(byEmail, email);
    }

    private static int unique(Map<String, Integer> index, String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        int found = index.getOrDefault(key(value), NONE);
        return found == SHARED ? NONE : found;
    }

    Optional<SourceRef> source(String personId) {
        return file.source(personId);
    }
}
