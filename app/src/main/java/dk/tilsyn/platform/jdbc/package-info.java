/** Small helpers around Spring's JdbcClient shared by every feature's repositories. */
@org.springframework.modulith.NamedInterface("jdbc")
package dk.tilsyn.platform.jdbc;
