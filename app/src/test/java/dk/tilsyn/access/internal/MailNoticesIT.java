package dk.tilsyn.access.internal;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dk.tilsyn.platform.identity.Institution;
import dk.tilsyn.platform.tenancy.Role;
import dk.tilsyn.testsupport.TestUsers;
import dk.tilsyn.testsupport.TilsynIntegrationTest;
import dk.tilsyn.testsupport.WebClient;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices also go by e-mail, through a real SMTP server in the test (GreenMail), on H2 and PostgreSQL: the owner of
 * a removal action gets a Danish mail with a link, once the rejection is committed.
 */
@TilsynIntegrationTest
class MailNoticesIT {

    private static final GreenMail SMTP = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add("tilsyn.mail.from", () -> "tilsyn@demostyrelsen.example");
    }

    @AfterAll
    static void stop() {
        SMTP.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    TestUsers testUsers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RunService runService;

    @Test
    void theOwnerOfARemovalActionIsToldByMail() throws Exception {
        Institution institution = testUsers.institution("mail");
        TestUsers.TestUser controller = testUsers.user(institution, Role.CONTROLLER, Role.SECURITY_COORDINATOR);
        TestUsers.TestUser manager = testUsers.user(institution, Role.MANAGER);
        WebClient controllerClient = WebClient.signedIn(port, controller);
        DemoRuns demo = new DemoRuns(controllerClient, jdbc, institution, runService);
        demo.importPersonsAndUnits();
        demo.uploadAll();
        long bookkeeping = jdbc.sql("select id from org_unit where institution_id = ? and code = 'BOG'")
                .param(institution.id()).query(Long.class).single();
        controllerClient.submit("/ansvar", "/ansvar", Map.of("user", Long.toString(manager.id()), "scope", "unit:" + bookkeeping));
        long run = demo.run();
        long finding = demo.finding(run, "derived-approval-and-navision", "P0012");
        WebClient managerClient = WebClient.signedIn(port, manager);
        String path = "/analyser/" + run + "/fund/" + finding;
        int before = SMTP.getReceivedMessages().length;

        managerClient.postForm(path + "/afvis", List.of(Map.entry("_csrf", managerClient.csrfTokenFrom(path)),
                Map.entry("action", "Fjern NS_BOGHOLDER fra juho"), Map.entry("owner", Long.toString(controller.id())),
                Map.entry("deadline", LocalDate.now().plusDays(10).toString())));

        assertThat(SMTP.waitForIncomingEmail(10_000, before + 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[before];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(controller.user().email());
        assertThat(mail.getSubject()).isEqualTo("Tilsyn: Du er ansvarlig for en handling");
        assertThat(GreenMailUtil.getBody(mail)).contains("Fjern NS_BOGHOLDER fra juho", "/handlinger#handling-");
    }
}
