package dk.tilsyn.organisation;

import java.util.List;
import java.util.Optional;

/** Read access to the current institution's persons and org units, for other features. */
public interface PersonDirectory {

    Optional<Person> findByKey(String personKey);

    List<Person> findAll();

    List<OrgUnit> orgUnits();

    long countPersons();
}
