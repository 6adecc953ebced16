package kr.fm.arrears.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import kr.fm.arrears.support.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an escalation run for a date must leave behind, taken from the service's own preview (the
 * Escalator's decisions, written nowhere) before the run: each (lease, stage, REACHED|SKIPPED) and each
 * friendly reminder (lease, due date). Compared after the drill with the rows really written.
 */
record ExpectedSteps(Set<String> caseStages, Set<String> reminders) {

    static ExpectedSteps preview(Api api, LocalDate date) {
        Set<String> stages = new HashSet<>();
        Set<String> reminders = new HashSet<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/escalation/preview?asOf=" + date + "&limit=5000&afterLeaseId=" + after).body();
            for (JsonNode item : page.get("items")) {
                long lease = item.get("leaseId").asLong();
                switch (item.get("action").asText()) {
                    case "OPEN", "ADVANCE" -> {
                        stages.add(lease + ":" + item.get("stage").asText() + ":REACHED");
                        item.get("skipped").forEach(s -> stages.add(lease + ":" + s.asText() + ":SKIPPED"));
                    }
                    case "REMIND" -> reminders.add(lease + ":" + item.get("dueDate").asText());
                    default -> throw new IllegalStateException("a fresh portfolio has no " + item);
                }
            }
            if (page.get("nextAfterLeaseId").isNull()) {
                return new ExpectedSteps(stages, reminders);
            }
            after = page.get("nextAfterLeaseId").asLong();
        }
    }

    /** Exactly the expected rows: none missing, none extra (and the unique keys forbid doubles). */
    void assertWritten(JdbcClient jdbc) {
        Set<String> stagesWritten = new HashSet<>(jdbc.sql("""
                SELECT c.lease_id || ':' || s.stage || ':' || s.status FROM case_stage s JOIN arrears_case c ON c.id = s.case_id""")
                .query(String.class).list());
        Set<String> remindersWritten = new HashSet<>(jdbc.sql("SELECT lease_id || ':' || due_date FROM upcoming_reminder")
                .query(String.class).list());
        assertThat(Drills.count(jdbc, "SELECT count(*) FROM case_stage")).isEqualTo(caseStages.size());
        assertThat(stagesWritten).as("(lease, stage, status) written").isEqualTo(caseStages);
        assertThat(remindersWritten).as("(lease, due date) reminded").isEqualTo(reminders);
    }
}
