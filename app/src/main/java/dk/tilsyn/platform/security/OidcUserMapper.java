package dk.tilsyn.platform.security;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.UserRepository;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import java.io.Serial;
import java.util.List;

/**
 * Ties an OIDC sign-in to an existing Tilsyn user by the configured claim. Users are never created from a token:
 * an administrator creates the user and grants roles first, so the identity provider alone grants no access.
 */
class OidcUserMapper extends OidcUserService {

    static final String UNKNOWN_USER = "tilsyn_unknown_user";

    private final UserRepository users;
    private final OidcSettings settings;

    OidcUserMapper(UserRepository users, OidcSettings settings) {
        this.users = users;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidcUser = super.loadUser(request);
        Object claim = oidcUser.getClaims().get(settings.userClaim());
        if (claim == null || claim.toString().isBlank()) {
            throw unknown("The ID token has no claim " + settings.userClaim());
        }
        AppUser user = users.findByUsername(claim.toString())
                .filter(AppUser::enabled)
                .orElseThrow(() -> unknown("No enabled Tilsyn user " + claim));
        return new TilsynOidcUser(oidcUser, settings.userClaim(), user.username());
    }

    private static OAuth2AuthenticationException unknown(String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(UNKNOWN_USER, description, null));
    }

    /**
     * The signed-in principal. Its name is the Tilsyn username, as after a local login. It is stored in the
     * database session, so it holds nothing but serializable values.
     */
    static final class TilsynOidcUser extends DefaultOidcUser {

        @Serial
        private static final long serialVersionUID = 1L;

        private final String username;

        TilsynOidcUser(OidcUser source, String claim, String username) {
            super(List.of(new SimpleGrantedAuthority("USER")), source.getIdToken(), source.getUserInfo(), claim);
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
