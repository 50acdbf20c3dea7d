/** The web shell: layout, navigation registry, language, access interceptor, error pages. */
@org.springframework.modulith.NamedInterface("web")
package dk.tilsyn.platform.web;
