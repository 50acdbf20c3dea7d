package dk.tilsyn.administration.internal;

import dk.tilsyn.platform.api.ApiTokenService;
import dk.tilsyn.platform.api.IssuedToken;
import dk.tilsyn.platform.tenancy.RequiresRole;
import dk.tilsyn.platform.tenancy.Role;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The institution's API tokens: issue (the secret is shown once, in the answer to the form — never kept in the
 * session or anywhere else), list, revoke.
 */
@Controller
@RequiresRole(Role.ADMINISTRATOR)
class ApiTokensController {

    static final String PATH = "/administration/api-noegler";

    private final ApiTokenService tokens;

    ApiTokensController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping(PATH)
    String list(Model model) {
        model.addAttribute("tokens", tokens.list());
        return "administration/api-tokens";
    }

    @PostMapping(PATH)
    String issue(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String expiresOn,
                 Model model, HttpServletResponse response) {
        List<String> problems = new ArrayList<>();
        String cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 200) {
            problems.add("apitoken.problem.name");
        }
        LocalDate expiry = null;
        if (!expiresOn.isBlank()) {
            try {
                expiry = LocalDate.parse(expiresOn.strip());
                if (expiry.isBefore(LocalDate.now(ZoneId.of("Europe/Copenhagen")))) {
                    problems.add("apitoken.problem.expiresOn");
                }
            } catch (DateTimeParseException e) {
                problems.add("apitoken.problem.expiresOn");
            }
        }
        if (problems.isEmpty()) {
            IssuedToken issued = tokens.issue(cleanName, expiry);
            model.addAttribute("issued", issued);
            // The page holds the secret: no cache may keep it.
            response.setHeader("Cache-Control", "no-store");
        } else {
            model.addAttribute("problems", problems);
            model.addAttribute("name", name);
            model.addAttribute("expiresOn", expiresOn);
        }
        return list(model);
    }

    @PostMapping(PATH + "/{tokenId}/tilbagekald")
    String revoke(@PathVariable long tokenId, RedirectAttributes redirect) {
        tokens.find(tokenId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (tokens.revoke(tokenId)) {
            redirect.addFlashAttribute("notice", "apitoken.revokedNotice");
        } else {
            redirect.addFlashAttribute("failure", "apitoken.alreadyRevoked");
        }
        return "redirect:" + PATH;
    }
}
