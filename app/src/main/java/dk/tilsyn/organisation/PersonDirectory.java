package dk.tilsyn.organisation;

import java.util.List;
import java.util.Optional;

/** Read access to the current institution's persons and org units, for other features. */
public interface PersonDirectory {

    Optional<Person> findByKey(String personKey);

    Optional<Person> findById(long id);

    /** The persons a user's login is: the same username or e-mail, compared without case (may be none). */
    List<Person> findByLogin(String username, String email);

    List<Person> findAll();

    List<OrgUnit> orgUnits();

    long countPersons();
}
