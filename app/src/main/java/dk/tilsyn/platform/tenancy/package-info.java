/** Who is asking, for which institution, with which roles; and the annotations every controller must carry. */
@org.springframework.modulith.NamedInterface("tenancy")
package dk.tilsyn.platform.tenancy;
