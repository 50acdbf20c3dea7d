package dk.tilsyn.access.internal;

import dk.tilsyn.organisation.OrgUnit;
import dk.tilsyn.organisation.Person;
import dk.tilsyn.organisation.PersonDirectory;
import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.UserRepository;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.systems.SystemRegister;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may take a position on a finding (ACC-10). The responsible manager: a user answering for the person's org unit
 * or one above it, or for one of the finding's systems (responsibilities are set by an administrator), or — with the
 * manager role — the person's manager in the HR master. Nobody decides on their own access, and holding the
 * controller role gives no say: a controller cannot accept on behalf of a manager.
 */
@Component
class DecisionPolicy {

    private final UserRepository users;
    private final PersonDirectory persons;
    private final ResponsibilityRepository responsibilities;
    private final SystemRegister systems;

    DecisionPolicy(UserRepository users, PersonDirectory persons, ResponsibilityRepository responsibilities,
                   SystemRegister systems) {
        this.users = users;
        this.persons = persons;
        this.responsibilities = responsibilities;
        this.systems = systems;
    }

    /** @return empty when the user may decide, else the message key saying why not */
    Optional<String> refusal(CurrentUser user, StoredFinding finding) {
        if (ownAccess(user, finding.personKey(), finding.accounts())) {
            return Optional.of("decision.refused.own");
        }
        if (!answersFor(user, finding)) {
            return Optional.of("decision.refused.notResponsible");
        }
        return Optional.empty();
    }

    /** Whether the finding is about the user's own access: their person, or an account with their login name. */
    boolean ownAccess(CurrentUser user, String personKey, String accountsText) {
        AppUser account = users.findById(user.id()).orElseThrow();
        Set<String> own = persons.findByLogin(account.username(), account.email()).stream()
                .map(Person::personKey).collect(Collectors.toSet());
        if (personKey != null && own.contains(personKey)) {
            return true;
        }
        String login = account.username().toLowerCase(Locale.ROOT);
        return Arrays.stream(accountsText.split(", "))
                .map(ref -> ref.substring(ref.indexOf(':') + 1).strip().toLowerCase(Locale.ROOT))
                .anyMatch(login::equals);
    }

    private boolean answersFor(CurrentUser user, StoredFinding finding) {
        Optional<Person> person = Optional.ofNullable(finding.personKey()).flatMap(persons::findByKey);
        List<Long> units = person.map(p -> unitAndAbove(p.orgUnitId())).orElse(List.of());
        List<Long> systemIds = systemIds(finding.systems());
        boolean responsible = responsibilities.ofUser(user.id()).stream().anyMatch(r ->
                (r.orgUnitId() != null && units.contains(r.orgUnitId()))
                        || (r.systemId() != null && systemIds.contains(r.systemId())));
        if (responsible) {
            return true;
        }
        if (user.hasAnyRole(Role.MANAGER) && person.isPresent() && person.get().managerKey() != null) {
            AppUser account = users.findById(user.id()).orElseThrow();
            return persons.findByLogin(account.username(), account.email()).stream()
                    .anyMatch(me -> me.personKey().equals(person.get().managerKey()));
        }
        return false;
    }

    /** Users who answer for the finding through a responsibility: whom to tell when it opens again. */
    List<Long> responsibleUsers(String personKey, String systemsText) {
        List<Long> units = Optional.ofNullable(personKey).flatMap(persons::findByKey)
                .map(p -> unitAndAbove(p.orgUnitId())).orElse(List.of());
        return responsibilities.usersFor(units, systemIds(systemsText));
    }

    List<Long> unitAndAbove(Long unitId) {
        Map<Long, OrgUnit> byId = new HashMap<>();
        persons.orgUnits().forEach(unit -> byId.put(unit.id(), unit));
        List<Long> chain = new ArrayList<>();
        for (Long id = unitId; id != null && byId.containsKey(id) && !chain.contains(id); id = byId.get(id).parentId()) {
            chain.add(id);
        }
        return chain;
    }

    private List<Long> systemIds(String systemsText) {
        List<String> keys = Arrays.stream(systemsText.split(", ")).map(String::strip).toList();
        return systems.systems().stream().filter(s -> keys.contains(s.systemKey())).map(ItSystem::id).toList();
    }
}
