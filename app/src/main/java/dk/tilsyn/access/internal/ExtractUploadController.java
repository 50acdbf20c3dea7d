package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.systems.SystemRegister;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * Large uploads: the page's script sends the file as the request body (no multipart parsing, no copy in the
 * container) and gets the upload's status back at once; the status is then polled until the check is done.
 * The plain form post ({@link ExtractsController}) leads to the same status page when its check takes long.
 * Several files chosen at once are each sent this way, one after another, with {@code inline=true}: their status
 * blocks stay on the extracts page side by side (ids of their own, no jump to a preview when a check is done).
 */
@Controller
class ExtractUploadController {

    static final String PATH = "/systemer/{systemId}/udtraek/indlaesninger";
    private static final Logger log = LoggerFactory.getLogger(ExtractUploadController.class);

    private final SystemRegister systems;
    private final ExtractUploads uploads;
    private final ExtractUploadRepository repository;

    ExtractUploadController(SystemRegister systems, ExtractUploads uploads, ExtractUploadRepository repository) {
        this.systems = systems;
        this.uploads = uploads;
        this.repository = repository;
    }

    /** The file is the body; what it is and its name come in the query (CSRF token in the header). */
    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER})
    @PostMapping(PATH)
    String receive(@PathVariable long systemId, @RequestParam("kind") String kindName,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                   @RequestParam("name") String name, @RequestParam(name = "profile", required = false) String profileName,
                   @RequestParam(defaultValue = "false") boolean inline, HttpServletRequest request,
                   HttpServletResponse response, Model model) throws IOException {
        ItSystem system = system(systemId);
        model.addAttribute("system", system);
        model.addAttribute("inline", inline);
        EvidenceKind kind = EvidenceKind.parse(kindName).orElse(null);
        ImportProfileChoice profile = ImportProfileChoice.of(system, profileName).orElse(null);
        String problem = kind == null ? "evidence.problem.kind"
                : asOf == null || asOf.isAfter(LocalDate.now()) ? "evidence.problem.asOf"
                : profile == null ? "evidence.problem.profile"
                : request.getContentLengthLong() > uploads.maxBytes() ? "upload.tooLarge" : null;
        if (profile == null) {
            model.addAttribute("problemArgument", profileName);
        }
        if (problem == null) {
            try (InputStream body = request.getInputStream()) {
                long id = uploads.start(new ExtractUploads.NewUpload(system, kind, asOf, ExtractsController.fileName(name),
                        profile.forKind(kind)), body, TenantContext.user().orElseThrow());
                response.setStatus(HttpStatus.CREATED.value());
                response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + statusPath(systemId, id));
                return status(system, repository.findById(systemId, id).orElseThrow(), model);
            } catch (ExtractUploads.TooLarge e) {
                problem = "upload.tooLarge";
            } catch (UncheckedIOException e) {
                // The sender went away mid-file (closed the tab, lost the line); the partial file is already gone.
                log.info("Upload to system {} broke off: {}", systemId, e.getMessage());
                problem = "evidence.upload.network";
            }
        }
        response.setStatus("upload.tooLarge".equals(problem) ? HttpStatus.CONTENT_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", problem);
        return "access/upload :: problem";
    }

    /** The upload's progress or outcome: a page, or (for the page's poll) the status block alone. */
    @MemberOnly
    @GetMapping(PATH + "/{uploadId}")
    String show(@PathVariable long systemId, @PathVariable long uploadId,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestParam(defaultValue = "false") boolean inline,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        ItSystem system = system(systemId);
        ExtractUpload upload = repository.findById(systemId, uploadId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        // One of several blocks on the extracts page polls: it shows its outcome where it is, with a link to the
        // preview, so the page (and the files still being sent from it) stays.
        boolean inPlace = inline && htmx != null;
        model.addAttribute("inline", inPlace);
        if ("DONE".equals(upload.status()) && !inPlace) {
            String preview = "/systemer/" + systemId + "/udtraek/" + upload.evidenceId();
            if (htmx == null) {
                return "redirect:" + preview;
            }
            response.setHeader("HX-Redirect", request.getContextPath() + preview);
        }
        String view = status(system, upload, model);
        return htmx == null ? "access/upload" : view;
    }

    private String status(ItSystem system, ExtractUpload upload, Model model) {
        model.addAttribute("system", system);
        model.addAttribute("upload", upload);
        model.addAttribute("shownStatus", upload.shownStatus(Clock.now()));
        model.addAttribute("statusPath", statusPath(system.id(), upload.id()));
        if ("REFUSED".equals(upload.status())) {
            model.addAttribute("rejected", repository.refusal(upload));
        }
        return "access/upload :: status";
    }

    static String statusPath(long systemId, long uploadId) {
        return "/systemer/" + systemId + "/udtraek/indlaesninger/" + uploadId;
    }

    private ItSystem system(long systemId) {
        return systems.findById(systemId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
