package dk.tilsyn.platform.security;

import dk.tilsyn.platform.tenancy.PublicPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: local account form and, when configured, the identity provider's button. */
@Controller
class LoginController {

    private final OidcSettings oidc;

    LoginController(OidcSettings oidc) {
        this.oidc = oidc;
    }

    @PublicPage
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("oidcEnabled", oidc.enabled());
        model.addAttribute("oidcLabel", oidc.buttonLabel());
        model.addAttribute("oidcPath", "/oauth2/authorization/" + OidcClientConfig.REGISTRATION_ID);
        return "platform/login";
    }
}
