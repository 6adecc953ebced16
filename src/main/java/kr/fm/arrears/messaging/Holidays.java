package kr.fm.arrears.messaging;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.NotFound;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The public holiday calendar (data, editable): no reminder goes out on these days by default. */
@Component
@RequiredArgsConstructor
public class Holidays {

    public record Holiday(LocalDate date, String name) {}

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

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
    public Holiday put(Viewer viewer, Holiday h) {
        jdbc.sql("INSERT INTO public_holiday (day, name) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET name = EXCLUDED.name")
                .params(h.date(), h.name()).update();
        events.publishEvent(new HolidaySet(viewer.name(), h.date(), h.name()));
        return h;
    }

    @Transactional
    public void remove(Viewer viewer, LocalDate date) {
        if (jdbc.sql("DELETE FROM public_holiday WHERE day = ?").param(date).update() == 0) {
            throw new NotFound("holiday", date);
        }
        events.publishEvent(new HolidayRemoved(viewer.name(), date));
    }
}
