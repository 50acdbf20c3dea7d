package dk.tilsyn.platform.mail;

import dk.tilsyn.platform.identity.AppUser;
import dk.tilsyn.platform.identity.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.Locale;

/**
 * Tells a user something by e-mail, in Danish, with a link into Tilsyn. Mail goes only once the transaction that
 * caused it has committed (a rolled-back decision must not be announced), and a mail server that is down never
 * undoes the decision: the failure is logged and the in-app notice stays. Without {@code SPRING_MAIL_HOST} there is
 * no {@link JavaMailSender} and nothing is sent.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final Locale DANISH = Locale.of("da");

    private final ObjectProvider<JavaMailSender> sender;
    private final UserRepository users;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    Mailer(ObjectProvider<JavaMailSender> sender, UserRepository users, MessageSource messages,
           @Value("${tilsyn.mail.from:tilsyn@localhost}") String from, @Value("${tilsyn.base-url}") String baseUrl) {
        this.sender = sender;
        this.users = users;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** Sends the message with this key (and its argument) to the user, if mail is on and the user has an address. */
    public void tell(long userId, String messageKey, String argument, String link) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return;
        }
        AppUser user = users.findById(userId).orElse(null);
        if (user == null || user.email() == null || user.email().isBlank()) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(user.email());
        message.setSubject("Tilsyn: " + messages.getMessage("mail.subject." + messageKey, null,
                messages.getMessage("mail.subject.default", null, DANISH), DANISH));
        String text = messages.getMessage(messageKey, new Object[]{argument == null ? "" : argument}, DANISH);
        message.setText("Kære " + user.displayName() + "\n\n" + text + "\n\n"
                + (link == null ? "" : baseUrl + link + "\n\n") + "Venlig hilsen\nTilsyn");
        Runnable send = () -> {
            try {
                mail.send(message);
            } catch (MailException e) {
                log.warn("Could not e-mail user {} about {}: {}", userId, messageKey, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
