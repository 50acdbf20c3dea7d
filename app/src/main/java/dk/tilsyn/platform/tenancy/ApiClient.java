package dk.tilsyn.platform.tenancy;

/** A machine client authenticated by an API token for one request: which token, for which institution. */
public record ApiClient(long tokenId, long institutionId, String tokenName) {
}
