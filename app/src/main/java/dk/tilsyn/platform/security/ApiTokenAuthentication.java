package dk.tilsyn.platform.security;

import dk.tilsyn.platform.tenancy.ApiClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A request authenticated by an API token. Deliberately not a user: its name is no username, so nothing that loads
 * users by name can mistake a token for one.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final ApiClient client;

    ApiTokenAuthentication(ApiClient client) {
        super(AuthorityUtils.createAuthorityList("API_TOKEN"));
        this.client = client;
        setAuthenticated(true);
    }

    public ApiClient client() {
        return client;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return client;
    }

    @Override
    public String getName() {
        return "api-token:" + client.tokenId();
    }
}
