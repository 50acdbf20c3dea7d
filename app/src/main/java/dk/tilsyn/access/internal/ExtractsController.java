package dk.tilsyn.access.internal;

import dk.tilsyn.platform.tenancy.MemberOnly;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.platform.tenancy.TenantContext;
import dk.tilsyn.systems.ItSystem;
import dk.tilsyn.systems.SystemRegister;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A system's uploaded files: upload with a check and a preview, confirm or discard, and download the original. The
 * form post here is the way without JavaScript; with it, the page sends the file to {@link ExtractUploadController}.
 */
@Controller
class ExtractsController {

    private final SystemRegister systems;
    private final EvidenceRepository evidence;
    private final EvidenceService service;
    private final ExtractUploads uploads;
    private final ExtractUploadRepository uploadRepository;
    private final Duration formWait;

    ExtractsController(SystemRegister systems, EvidenceRepository evidence, EvidenceService service,
                       ExtractUploads uploads, ExtractUploadRepository uploadRepository,
                       @Value("${tilsyn.extracts.form-wait}") Duration formWait) {
        this.systems = systems;
        this.evidence = evidence;
        this.service = service;
        this.uploads = uploads;
        this.uploadRepository = uploadRepository;
        this.formWait = formWait;
    }

    @MemberOnly
    @GetMapping("/systemer/{systemId}/udtraek")
    String list(@PathVariable long systemId, Model model) {
        return page(system(systemId), model);
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER})
    @PostMapping("/systemer/{systemId}/udtraek")
    String upload(@PathVariable long systemId, @RequestParam("kind") String kindName,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @RequestParam(name = "profile", required = false) String profileName,
                  @RequestParam("file") List<MultipartFile> files, Model model, RedirectAttributes redirect)
            throws IOException {
        ItSystem system = system(systemId);
        ImportProfileChoice profile = ImportProfileChoice.of(system, profileName).orElse(null);
        if (profile == null) {
            model.addAttribute("unknownProfile", profileName);
            return page(system, model);
        }
        model.addAttribute("chosenProfile", profile.profile());
        EvidenceKind kind = EvidenceKind.parse(kindName).orElse(null);
        if (kind == null) {
            model.addAttribute("failure", "evidence.problem.kind");
            return page(system, model);
        }
        model.addAttribute("kind", kind);
        if (asOf == null || asOf.isAfter(LocalDate.now())) {
            model.addAttribute("failure", "evidence.problem.asOf");
            return page(system, model);
        }
        model.addAttribute("asOf", asOf);
        List<MultipartFile> chosen = files.stream().filter(f -> !f.isEmpty() || f.getOriginalFilename() != null
                && !f.getOriginalFilename().isBlank()).toList();
        if (chosen.isEmpty()) {
            model.addAttribute("failure", "evidence.problem.noFile");
            return page(system, model);
        }
        List<Long> started = new java.util.ArrayList<>();
        for (MultipartFile file : chosen) {
            try (InputStream in = file.getInputStream()) {
                started.add(uploads.start(new ExtractUploads.NewUpload(system, kind, asOf,
                        fileName(file.getOriginalFilename()), profile.forKind(kind)), in, TenantContext.user().orElseThrow()));
            } catch (ExtractUploads.TooLarge tooLarge) {
                model.addAttribute("failure", "upload.tooLarge");
                return page(system, model);
            }
        }
        if (started.size() > 1) {
            // Several files are checked side by side; the extracts page lists each check and its outcome.
            redirect.addFlashAttribute("notice", "evidence.upload.several");
            return "redirect:/systemer/" + systemId + "/udtraek";
        }
        long id = started.getFirst();
        // Without JavaScript nothing polls: wait for a file of ordinary size, show the status page for a big one.
        if (!uploads.await(id, formWait)) {
            return "redirect:" + ExtractUploadController.statusPath(systemId, id);
        }
        return outcome(system, uploadRepository.findById(systemId, id).orElseThrow(), model);
    }

    private String outcome(ItSystem system, ExtractUpload upload, Model model) {
        switch (upload.status()) {
            case "DONE" -> {
                Evidence kept = upload(system.id(), upload.evidenceId());
                model.addAttribute("upload", kept);
                model.addAttribute("preview", service.preview(system, kept));
                model.addAttribute("system", system);
                return "access/evidence";
            }
            case "REFUSED" -> model.addAttribute("rejected", uploadRepository.refusal(upload));
            case "FAILED" -> {
                if (upload.failure() != null) {
                    model.addAttribute("profileProblem", upload.failure());
                } else {
                    model.addAttribute("failure", "evidence.upload.failed");
                }
            }
            default -> throw new IllegalStateException("upload " + upload.id() + " still " + upload.status());
        }
        return page(system, model);
    }

    @MemberOnly
    @GetMapping("/systemer/{systemId}/udtraek/{evidenceId}")
    String show(@PathVariable long systemId, @PathVariable long evidenceId, Model model) {
        ItSystem system = system(systemId);
        Evidence upload = upload(systemId, evidenceId);
        model.addAttribute("system", system);
        model.addAttribute("upload", upload);
        model.addAttribute("preview", upload.deleted() ? null : service.preview(system, upload));
        model.addAttribute("runsUsing", evidence.runsUsing(evidenceId));
        return "access/evidence";
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER})
    @PostMapping("/systemer/{systemId}/udtraek/{evidenceId}/godkend")
    String accept(@PathVariable long systemId, @PathVariable long evidenceId, RedirectAttributes redirect) {
        boolean done = service.accept(system(systemId), upload(systemId, evidenceId));
        redirect.addFlashAttribute(done ? "notice" : "failure", done ? "evidence.accepted" : "evidence.notPending");
        return "redirect:/systemer/" + systemId + "/udtraek";
    }

    @RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR, Role.CONTROLLER})
    @PostMapping("/systemer/{systemId}/udtraek/{evidenceId}/kasser")
    String discard(@PathVariable long systemId, @PathVariable long evidenceId, RedirectAttributes redirect) {
        system(systemId);
        boolean done = service.discard(upload(systemId, evidenceId));
        redirect.addFlashAttribute(done ? "notice" : "failure", done ? "evidence.discarded" : "evidence.notPending");
        return "redirect:/systemer/" + systemId + "/udtraek";
    }

    @MemberOnly
    @GetMapping("/systemer/{systemId}/udtraek/{evidenceId}/fil")
    void download(@PathVariable long systemId, @PathVariable long evidenceId, HttpServletResponse response)
            throws IOException {
        system(systemId);
        Evidence upload = upload(systemId, evidenceId);
        if (upload.deleted()) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(upload.sizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(upload.fileName(), StandardCharsets.UTF_8).build().toString());
        try (InputStream in = service.open(upload)) {
            in.transferTo(response.getOutputStream());
        }
    }

    private String page(ItSystem system, Model model) {
        model.addAttribute("system", system);
        model.addAttribute("uploads", evidence.findBySystem(system.id()));
        model.addAttribute("checks", uploadRepository.recent(system.id()));
        model.addAttribute("now", java.time.OffsetDateTime.now());
        model.addAttribute("kinds", EvidenceKind.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("maxBytes", uploads.maxBytes());
        model.addAttribute("profiles", ImportProfileChoice.offered());
        if (!model.containsAttribute("chosenProfile")) {
            model.addAttribute("chosenProfile", system.importProfile()); // the default the user confirms or changes
        }
        return "access/extracts";
    }

    private ItSystem system(long systemId) {
        return systems.findById(systemId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Evidence upload(long systemId, long evidenceId) {
        return evidence.findById(systemId, evidenceId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The name the user's computer gave the file, without any folder part. */
    static String fileName(String given) {
        String original = given == null ? "" : given;
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        name = name.isEmpty() ? "upload" : name;
        return name.length() > 300 ? name.substring(name.length() - 300) : name;
    }
}
