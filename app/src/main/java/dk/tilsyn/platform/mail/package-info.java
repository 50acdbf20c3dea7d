/** E-mail to users, sent after the transaction that caused it commits; off when no SMTP server is configured. */
@org.springframework.modulith.NamedInterface("mail")
package dk.tilsyn.platform.mail;
