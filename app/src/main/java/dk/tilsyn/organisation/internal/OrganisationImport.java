package dk.tilsyn.organisation.internal;

import dk.tilsyn.engine.io.ImportProblem;
import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.engine.io.ReadLimits;
import dk.tilsyn.engine.persons.OrgUnitRow;
import dk.tilsyn.engine.persons.OrgUnitsFile;
import dk.tilsyn.engine.persons.OrgUnitsReader;
import dk.tilsyn.engine.persons.Person;
import dk.tilsyn.engine.persons.PersonsFile;
import dk.tilsyn.engine.persons.PersonsReader;
import dk.tilsyn.organisation.OrgUnit;
import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Imports org units and persons into the current institution. A file is read and checked completely before
 * anything is written; then all changes, and their audit entries, go in one transaction. A refused file throws
 * the engine's {@link InvalidInputException} with every problem found. Records missing from the
 * file are kept (an HR extract may be partial) and counted in the result.
 */
@Service
class OrganisationImport {

    private final PersonRepository persons;
    private final OrgUnitRepository units;
    private final AuditTrail audit;
    private final ReadLimits limits;

    OrganisationImport(PersonRepository persons, OrgUnitRepository units, AuditTrail audit,
                       @Value("${tilsyn.import.max-file-size}") DataSize maxFileSize) {
        this.persons = persons;
        this.units = units;
        this.audit = audit;
        this.limits = ReadLimits.defaults().withMaxBytes(maxFileSize.toBytes()).withMaxRows(1_000_000);
    }

    @Transactional
    public ImportResult importPersons(InputStream in, String fileName) {
        PersonsFile file = new PersonsReader(limits).read(in, fileName);
        Map<String, dk.tilsyn.organisation.Person> existing = new HashMap<>();
        persons.findAll().forEach(p -> existing.put(p.personKey(), p));
        PersonChanges changes = changesOf(file, new UnitIndex(units.findAll()), existing);
        // Written in JDBC batches after the whole file is compared: 100,000 persons are 100 round trips, not 100,000.
        Map<String, Long> ids = persons.insertAll(changes.created());
        persons.updateAll(changes.updated());
        int created = changes.created().size();
        int updated = changes.updated().size();
        int unchanged = file.persons().size() - created - updated;
        ImportResult result = new ImportResult("persons", file.facts(), created, updated, unchanged, existing.size(),
                changes.newUnits());
        List<AuditEvent> events = new ArrayList<>(changes.entries().size() + 1);
        for (PersonChanges.Entry entry : changes.entries()) {
            events.add(entry.event() != null ? entry.event() : event(AuditAction.CREATE, "person",
                    ids.get(entry.created().values().personKey()), null, entry.created().values().asMap()));
        }
        events.add(event(AuditAction.IMPORT, "person-file", file.facts().sha256(), null, summary(result)));
        audit.recordAll(events);
        return result;
    }

    /**
     * Compares the file with what is stored, row by row in file order. A unit named only in the persons file is
     * created at once (the rows after it need its id); persons are only collected, and {@code existing} is left
     * with the stored persons the file does not name.
     */
    private PersonChanges changesOf(PersonsFile file, UnitIndex index,
                                    Map<String, dk.tilsyn.organisation.Person> existing) {
        PersonChanges changes = new PersonChanges();
        for (Person row : file.persons()) {
            OrgUnit unit = null;
            if (row.orgUnit() != null) {
                unit = index.find(row.orgUnit());
                if (unit == null) {
                    // A unit named only in the persons file becomes a top unit, so one HR file is enough to start.
                    unit = new OrgUnit(units.insert(row.orgUnit(), row.orgUnit(), null), row.orgUnit(), row.orgUnit(), null);
                    index.add(unit);
                    changes.unitCreated(event(AuditAction.CREATE, "org_unit", unit.id(), null,
                            unitValues(unit.code(), unit.name(), null)));
                }
            }
            Long unitId = unit == null ? null : unit.id();
            // The unit as stored (its code), not as the file spells it: a file may name the unit instead of coding it,
            // and a re-import of the same facts must not count as a change.
            PersonValues values = new PersonValues(row.personId(), row.name(), row.email(), row.username(),
                    unit == null ? null : unit.code(), row.managerId(), row.employmentEnd());
            dk.tilsyn.organisation.Person before = existing.remove(row.personId());
            if (before == null) {
                changes.personCreated(new PersonRepository.Stored(null, values, unitId));
            } else {
                PersonValues old = new PersonValues(before.personKey(), before.name(), before.email(), before.username(),
                        index.codeOf(before.orgUnitId()), before.managerKey(), before.employmentEnd());
                if (!old.sameAs(values)) {
                    changes.personUpdated(new PersonRepository.Stored(before.id(), values, unitId),
                            event(AuditAction.UPDATE, "person", before.id(), old.asMap(), values.asMap()));
                }
            }
        }
        return changes;
    }

    /** What a persons file changes, with the audit entries in file order (a new person's once it has an id). */
    private static final class PersonChanges {
        /** An audit entry, or the new person whose CREATE entry is written once the insert has given it an id. */
        record Entry(AuditEvent event, PersonRepository.Stored created) {
        }

        private final List<Entry> entries = new ArrayList<>();
        private final List<PersonRepository.Stored> created = new ArrayList<>();
        private final List<PersonRepository.Stored> updated = new ArrayList<>();
        private int newUnits;

        void unitCreated(AuditEvent event) {
            entries.add(new Entry(event, null));
            newUnits++;
        }

        void personCreated(PersonRepository.Stored person) {
            entries.add(new Entry(null, person));
            created.add(person);
        }

        void personUpdated(PersonRepository.Stored person, AuditEvent event) {
            entries.add(new Entry(event, null));
            updated.add(person);
        }

        List<Entry> entries() {
            return entries;
        }

        List<PersonRepository.Stored> created() {
            return created;
        }

        List<PersonRepository.Stored> updated() {
            return updated;
        }

        int newUnits() {
            return newUnits;
        }
    }

    @Transactional
    public ImportResult importOrgUnits(InputStream in, String fileName) {
        OrgUnitsFile file = new OrgUnitsReader(limits).read(in, fileName);
        UnitIndex index = new UnitIndex(units.findAll());
        List<ImportProblem> problems = new OrgUnitChecks(file, index).problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(fileName, problems, 0);
        }
        List<AuditEvent> events = new ArrayList<>();
        Map<String, OrgUnit> before = new HashMap<>();
        for (OrgUnitRow row : file.units()) {
            OrgUnit stored = index.byCode(row.code());
            if (stored != null) {
                before.put(row.code(), stored);
            } else {
                // Created without a parent first: a parent may come later in the file.
                index.add(new OrgUnit(units.insert(row.code(), row.name(), null), row.code(), row.name(), null));
            }
        }
        int created = 0;
        int updated = 0;
        for (OrgUnitRow row : file.units()) {
            OrgUnit unit = index.byCode(row.code());
            Long parentId = row.parent() == null ? null : index.byCode(row.parent()).id();
            // Compared as stored (codes in their stored spelling), so case differences in the file are no change.
            Map<String, Object> after = unitValues(unit.code(), row.name(), index.codeOf(parentId));
            OrgUnit old = before.get(row.code());
            if (old == null) {
                units.update(unit.id(), row.name(), parentId);
                events.add(event(AuditAction.CREATE, "org_unit", unit.id(), null, after));
                created++;
            } else {
                Map<String, Object> was = unitValues(old.code(), old.name(), index.codeOf(old.parentId()));
                if (!was.equals(after)) {
                    units.update(unit.id(), row.name(), parentId);
                    events.add(event(AuditAction.UPDATE, "org_unit", unit.id(), was, after));
                    updated++;
                }
            }
        }
        long absent = index.size() - file.units().size();
        ImportResult result = new ImportResult("org_units", file.facts(), created, updated,
                file.units().size() - created - updated, absent, created);
        events.add(event(AuditAction.IMPORT, "org-unit-file", file.facts().sha256(), null, summary(result)));
        audit.recordAll(events);
        return result;
    }

    private static AuditEvent event(AuditAction action, String type, Object id, Map<String, ?> before, Map<String, ?> after) {
        return AuditEvent.of(TenantContext.institutionId(), action, type, id, before, after);
    }

    private static Map<String, Object> unitValues(String code, String name, String parent) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("org_unit", code);
        values.put("name", name);
        values.put("parent", parent);
        return values;
    }

    private static Map<String, Object> summary(ImportResult result) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("file", result.facts().name());
        values.put("sha256", result.facts().sha256());
        values.put("bytes", result.facts().size());
        values.put("rows", result.facts().rows());
        values.put("created", result.created());
        values.put("updated", result.updated());
        values.put("unchanged", result.unchanged());
        values.put("absentKept", result.absent());
        values.put("newOrgUnits", result.newUnits());
        return values;
    }

    /** The institution's units by code and by name (case-insensitive); a persons file may use either. */
    static final class UnitIndex {
        private final Map<String, OrgUnit> byCode = new HashMap<>();
        private final Map<String, OrgUnit> byName = new HashMap<>();
        private final Map<Long, OrgUnit> byId = new HashMap<>();

        UnitIndex(List<OrgUnit> existing) {
            existing.forEach(this::add);
        }

        void add(OrgUnit unit) {
            byCode.put(key(unit.code()), unit);
            byName.putIfAbsent(key(unit.name()), unit);
            byId.put(unit.id(), unit);
        }

        OrgUnit byCode(String code) {
            return byCode.get(key(code));
        }

        OrgUnit find(String codeOrName) {
            OrgUnit unit = byCode.get(key(codeOrName));
            return unit != null ? unit : byName.get(key(codeOrName));
        }

        int size() {
            return byId.size();
        }

        String codeOf(Long id) {
            OrgUnit unit = id == null ? null : byId.get(id);
            return unit == null ? null : unit.code();
        }

        private static String key(String value) {
            return value.strip().toLowerCase(Locale.ROOT);
        }
    }
}
