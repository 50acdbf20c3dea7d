package dk.tilsyn.systems.internal;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.systems.SystemRegister;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Adds and changes systems; every change goes to the audit trail with before and after. */
@Service
class SystemService implements SystemRegister {

    private final SystemRepository systems;
    private final AuditTrail audit;

    SystemService(SystemRepository systems, AuditTrail audit) {
        this.systems = systems;
        this.audit = audit;
    }

    @Override
    public List<ItSystem> systems() {
        return systems.findAll();
    }

    @Override
    public Optional<ItSystem> findByKey(String key) {
        return systems.findByKey(key);
    }

    @Override
    public Optional<ItSystem> findById(long id) {
        return systems.findById(id);
    }

    /** @return the new system's id, or the problems (message keys) that stop it */
    @Transactional
    public Result add(SystemForm form) {
        List<String> problems = new ArrayList<>(form.problems());
        if (problems.isEmpty() && systems.findByKey(form.key()).isPresent()) {
            problems.add("systems.problem.keyTaken");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        long id = systems.insert(form);
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.CREATE, "system", id, null, values(form)));
        return new Result(id, List.of());
    }

    /** The system id (key) is fixed once added: findings and evidence refer to it. */
    @Transactional
    public List<String> change(ItSystem system, SystemForm form) {
        SystemForm changed = new SystemForm(system.systemKey(), form.name(), form.profile());
        List<String> problems = changed.problems();
        if (!problems.isEmpty()) {
            return problems;
        }
        SystemForm before = new SystemForm(system.systemKey(), system.name(),
                system.importProfile() == null ? "" : system.importProfile());
        if (!before.equals(changed)) {
            systems.update(system.id(), changed);
            audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.UPDATE, "system", system.id(),
                    values(before), values(changed)));
        }
        return List.of();
    }

    static Map<String, Object> values(SystemForm form) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("system", form.key());
        values.put("name", form.name());
        values.put("importProfile", form.profileOrNull());
        return values;
    }

    record Result(Long id, List<String> problems) {
    }
}
