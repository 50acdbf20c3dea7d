package dk.tilsyn.organisation;

import java.time.LocalDate;

/**
 * A physical employee of the institution, as the HR/AD master says.
 *
 * @param personKey the HR system's person id ({@code person_id} in files)
 * @param managerKey the person id of the manager, who may be outside the file
 */
public record Person(long id, String personKey, String name, String email, String username, Long orgUnitId,
                     String orgUnitName, String managerKey, LocalDate employmentEnd) {

    public boolean hasLeftBy(LocalDate date) {
        return employmentEnd != null && employmentEnd.isBefore(date);
    }
}
