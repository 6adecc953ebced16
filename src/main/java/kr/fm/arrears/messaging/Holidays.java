package kr.fm.arrears.messaging;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public holiday calendar (data, editable): no reminder goes out on these days by default. */
@Component
public class Holidays {

    public record Holiday(LocalDate date, String name) {}

    private final JdbcClient jdbc;
    private final AuditLog audit;

    public Holidays(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Set<LocalDate> days() {
        return new HashSet<>(jdbc.sql("SELECT day FROM public_holiday").query(LocalDate.class).list());
    }

    public List<Holiday> list(Integer year) {
        return jdbc.sql("""
                SELECT day AS date, name FROM public_holiday
                WHERE CAST(:year AS INT) IS NULL OR extract(YEAR FROM day) = :year ORDER BY day""")
                .param("year", year).query(Holiday.class).list();
    }

    /** Adds or renames the holiday on that date. */
    @Transactional
    public Holiday put(Holiday h) {
        jdbc.sql("INSERT INTO public_holiday (day, name) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name")
                .params(h.date(), h.name()).update();
        audit.record(new AuditLog.Event(Actor.current(), "HOLIDAY_SET", "HOLIDAY", h.date().toString(), null, null,
                AuditLog.details("name", h.name())));
        return h;
    }

    @Transactional
    public void remove(LocalDate date) {
        if (jdbc.sql("DELETE FROM public_holiday WHERE day = ?").param(date).update() == 0) {
            throw new NotFound("holiday", date);
        }
        audit.record(new AuditLog.Event(Actor.current(), "HOLIDAY_REMOVED", "HOLIDAY", date.toString(), null, null, null));
    }
}
