package dk.tilsyn.engine.persons;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person from the HR/AD master file.
 *
 * @param personId      the unique key, trimmed; never null
 * @param name          display name, or null
 * @param email         e-mail address, or null
 * @param username      login name in the directory, or null
 * @param orgUnit       organisational unit, or null
 * @param managerId     {@code personId} of the manager, or null; may name someone not in the file
 * @param employmentEnd last day of employment, or null while employed
 */
public record Person(String personId, String name, String email, String username, String orgUnit,
        String managerId, LocalDate employmentEnd) {

    public Person {
        Objects.requireNonNull(personId, "personId");
    }
}
