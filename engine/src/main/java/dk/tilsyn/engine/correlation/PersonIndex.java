package dk.tilsyn.engine.correlation;

import dk.tilsyn.engine.access.SourceRef;
import dk.tilsyn.engine.persons.Person;
import dk.tilsyn.engine.persons.PersonsFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Persons by id, username and e-mail; usernames and e-mails compared case-insensitively, ignoring surrounding spaces. */
final class PersonIndex {

    private final PersonsFile file;
    private final Map<String, Person> byId = new HashMap<>();
    private final Map<String, List<Person>> byUsername = new HashMap<>();
    private final Map<String, List<Person>> byEmail = new HashMap<>();

    PersonIndex(PersonsFile file) {
        this.file = file;
        for (Person person : file.persons()) {
            byId.put(person.personId(), person);
            add(byUsername, person.username(), person);
            add(byEmail, person.email(), person);
        }
    }

    private static void add(Map<String, List<Person>> index, String key, Person person) {
        if (key != null && !key.isBlank()) {
            index.computeIfAbsent(key(key), k -> new ArrayList<>(1)).add(person);
        }
    }

    static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    Person byId(String personId) {
        return personId == null ? null : byId.get(personId.strip());
    }

    /**
     * The one person with this username; null when none or several have it — two persons sharing a username in
     * the HR file is a data error, and guessing between them would put access on the wrong person.
     */
    Person byUsername(String username) {
        return unique(byUsername, username);
    }

    Person byEmail(String email) {
        return unique(byEmail, email);
    }

    private static Person unique(Map<String, List<Person>> index, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<Person> found = index.get(key(value));
        return found != null && found.size() == 1 ? found.getFirst() : null;
    }

    Optional<SourceRef> source(String personId) {
        return file.source(personId);
    }
}
