package dk.tilsyn.platform.tenancy;

/** An institution as the header and switcher show it. */
public record InstitutionRef(long id, String code, String name) {
}
