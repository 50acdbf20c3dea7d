package dk.tilsyn.organisation.internal;

import dk.tilsyn.organisation.OrgUnit;
import dk.tilsyn.organisation.Person;
import dk.tilsyn.organisation.PersonDirectory;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

@Service
class JdbcPersonDirectory implements PersonDirectory {

    private final PersonRepository persons;
    private final OrgUnitRepository units;

    JdbcPersonDirectory(PersonRepository persons, OrgUnitRepository units) {
        this.persons = persons;
        this.units = units;
    }

    @Override
    public Optional<Person> findByKey(String personKey) {
        return persons.findByKey(personKey);
    }

    @Override
    public Optional<Person> findById(long id) {
        return persons.findById(id);
    }

    @Override
    public List<Person> findByLogin(String username, String email) {
        return persons.findByLogin(username, email);
    }

    @Override
    public List<Person> findAll() {
        return persons.findAll();
    }

    @Override
    public List<OrgUnit> orgUnits() {
        return units.findAll();
    }

    @Override
    public long countPersons() {
        return persons.count();
    }
}
