package dk.tilsyn.access.internal;

import dk.tilsyn.platform.audittrail.AuditAction;
import dk.tilsyn.platform.audittrail.AuditEvent;
import dk.tilsyn.platform.audittrail.AuditTrail;
import dk.tilsyn.platform.evidence.EvidenceStore;
import dk.tilsyn.platform.evidence.StoredFile;
import dk.tilsyn.platform.tenancy.CurrentUser;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.ItSystem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Uploads of a system's files as evidence. A file is read by the engine before anything is kept (see
 * {@link ExtractUploads}): a refused file leaves nothing behind. A valid one is kept (immutable, by SHA-256) as pending until the uploader confirms it
 * after seeing the preview; confirming supersedes the previous accepted upload of the same system and kind.
 */
@Service
class EvidenceService {

    private final EvidenceStore store;
    private final EvidenceRepository evidence;
    private final AuditTrail audit;
    private final PreviewCache previews;

    EvidenceService(EvidenceStore store, EvidenceRepository evidence, AuditTrail audit, PreviewCache previews) {
        this.store = store;
        this.evidence = evidence;
        this.audit = audit;
        this.previews = previews;
    }

    /**
     * Keeps an upload the engine has read without problems as pending evidence (the check itself is done by
     * {@link ExtractUploads}, in the background); recorded in the audit trail as done by {@code uploadedBy}.
     */
    @Transactional
    public long keepChecked(CheckedUpload checked, EvidenceStore.Upload upload, CurrentUser uploadedBy) {
        StoredFile file = store.keep(upload);
        long rows = checked.preview().totalRows();
        ExtractUploads.NewUpload what = checked.upload();
        long id = evidence.insertPending(checked, file, uploadedBy.id());
        Map<String, Object> facts = facts(what.system(), what.kind(), what.fileName(), file, rows, what.asOf());
        profileFact(facts, what.kind(), what.profile());
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.CREATE, "evidence", id, null, facts)
                .by(new AuditEvent.Actor(uploadedBy.id(), uploadedBy.username())));
        previews.put(TenantContext.institutionId(), id, checked.preview());
        return id;
    }

    Preview preview(ItSystem system, Evidence upload) {
        return previews.get(TenantContext.institutionId(), upload.id())
                .orElseGet(() -> UploadCheck.read(UploadCheck.Reading.of(system, upload), store.path(upload.sha256()),
                        upload.fileName()));
    }

    /** Confirms a pending upload; the previously accepted one of the same system and kind becomes superseded. */
    @Transactional
    public boolean accept(ItSystem system, Evidence upload) {
        Optional<Evidence> previous = evidence.findAccepted(system.id(), upload.kind());
        if (!evidence.decide(upload.id(), "PENDING", "ACCEPTED", userId())) {
            return false;
        }
        previous.ifPresent(old -> evidence.supersede(old.id(), upload.id()));
        Map<String, Object> after = facts(system, upload.kind(), upload.fileName(),
                new StoredFile(upload.sha256(), upload.sizeBytes()), upload.rowCount(), upload.asOf());
        profileFact(after, upload.kind(), upload.importProfile());
        after.put("supersedes", previous.map(Evidence::id).orElse(null));
        audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.IMPORT, "evidence", upload.id(),
                Map.of("status", "PENDING"), after));
        return true;
    }

    @Transactional
    public boolean discard(Evidence upload) {
        boolean discarded = evidence.decide(upload.id(), "PENDING", "DISCARDED", userId());
        if (discarded) {
            audit.record(AuditEvent.of(TenantContext.institutionId(), AuditAction.UPDATE, "evidence", upload.id(),
                    Map.of("status", "PENDING"), Map.of("status", "DISCARDED")));
        }
        return discarded;
    }

    InputStream open(Evidence upload) {
        return store.open(upload.sha256());
    }

    private static Map<String, Object> facts(ItSystem system, EvidenceKind kind, String fileName, StoredFile file,
                                             long rows, LocalDate asOf) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("system", system.systemKey());
        facts.put("kind", kind.name());
        facts.put("file", fileName);
        facts.put("sha256", file.sha256());
        facts.put("bytes", file.size());
        facts.put("rows", rows);
        facts.put("asOf", asOf.toString());
        return facts;
    }

    /** The profile is part of what was kept: the same bytes read with another profile are other access data. */
    private static void profileFact(Map<String, Object> facts, EvidenceKind kind, String profile) {
        if (kind == EvidenceKind.EXTRACT) {
            facts.put("profile", profile);
        }
    }

    private static long userId() {
        return TenantContext.user().orElseThrow().id();
    }

    /** What the engine made of an upload that passed. */
    record CheckedUpload(ExtractUploads.NewUpload upload, Preview preview) {
    }
}
