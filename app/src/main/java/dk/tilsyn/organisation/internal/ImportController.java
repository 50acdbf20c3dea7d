package dk.tilsyn.organisation.internal;

import dk.tilsyn.engine.io.InvalidInputException;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;

/** Upload of the HR persons file or the org-units file; a refused file is shown with every problem found. */
@Controller
@RequiresRole({Role.ADMINISTRATOR, Role.SECURITY_COORDINATOR})
class ImportController {

    private final OrganisationImport imports;

    ImportController(OrganisationImport imports) {
        this.imports = imports;
    }

    @GetMapping("/organisation/import")
    String form() {
        return "organisation/import";
    }

    @PostMapping("/organisation/import")
    String upload(@RequestParam(defaultValue = "persons") String kind, @RequestParam("file") MultipartFile file,
                  Model model) throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                ? "upload" : file.getOriginalFilename();
        model.addAttribute("kind", kind);
        try (InputStream in = file.getInputStream()) {
            ImportResult result = "org_units".equals(kind)
                    ? imports.importOrgUnits(in, name)
                    : imports.importPersons(in, name);
            model.addAttribute("result", result);
        } catch (InvalidInputException rejected) {
            model.addAttribute("rejected", rejected);
        }
        return "organisation/import";
    }
}
