package dk.tilsyn.access.internal;

import dk.tilsyn.platform.jdbc.RecordRows;
import dk.tilsyn.platform.jdbc.Clock;
import dk.tilsyn.platform.mail.Mailer;
import dk.tilsyn.platform.tenancy.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;

/** Notices per user in the current institution. */
@Repository
class NoticeRepository {

    private final JdbcClient jdbc;
    private final Mailer mailer;

    NoticeRepository(JdbcClient jdbc, Mailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
    }

    /** A notice in the application, and the same by e-mail when mail is set up. */
    void tell(long userId, String messageKey, String argument, String link) {
        jdbc.sql("insert into notice (institution_id, user_id, message_key, argument, link, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(TenantContext.institutionId(), userId, messageKey, argument, link, Clock.now()).update();
        mailer.tell(userId, messageKey, argument, link);
    }

    List<Notice> of(long userId) {
        return jdbc.sql("select id, message_key, argument, link, created_at, read_at from notice "
                        + "where institution_id = ? and user_id = ? order by id desc limit 200")
                .params(TenantContext.institutionId(), userId).query(RecordRows.of(Notice.class)).list();
    }

    long unread(long userId) {
        return jdbc.sql("select count(*) from notice where institution_id = ? and user_id = ? and read_at is null")
                .params(TenantContext.institutionId(), userId).query(Long.class).single();
    }

    void markAllRead(long userId) {
        jdbc.sql("update notice set read_at = ? where institution_id = ? and user_id = ? and read_at is null")
                .params(Clock.now(), TenantContext.institutionId(), userId).update();
    }
}
