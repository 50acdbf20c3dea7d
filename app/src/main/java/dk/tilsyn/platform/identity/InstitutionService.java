package dk.tilsyn.platform.identity;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.Map;

/** Creating an institution opens its audit chain and records the creation in the platform chain. */
@Service
public class InstitutionService {

    private final InstitutionRepository institutions;
    private final AuditTrail audit;

    InstitutionService(InstitutionRepository institutions, AuditTrail audit) {
        this.institutions = institutions;
        this.audit = audit;
    }

    @Transactional
    public Institution create(String code, String name) {
        Institution created = institutions.insert(code.strip(), name.strip());
        audit.openChain(created.id());
        audit.record(AuditEvent.of(null, AuditAction.CREATE, "institution", created.id(), null, values(created)));
        audit.record(AuditEvent.of(created.id(), AuditAction.CREATE, "institution", created.id(), null, values(created)));
        return created;
    }

    static Map<String, Object> values(Institution institution) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", institution.code());
        values.put("name", institution.name());
        return values;
    }
}
