package kr.fm.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.support.Api;
import kr.fm.arrears.support.Portfolios;
import kr.fm.arrears.support.ServiceTest;
import kr.fm.arrears.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The modules together, as a morning run: the example portfolio, escalated on 15 April 2026, ends
 * with the right notices drafted and the right reminders queued — and running again adds nothing.
 */
@ServiceTest
class EndToEndTest {

    @Autowired Api api;
    @Autowired TestClock clock;
    @Autowired Portfolios portfolios;

    @Test
    void one_escalation_run_drafts_the_notices_and_queues_the_reminders_each_lease_has_earned() {
        Map<String, Long> ids = portfolios.given().examples().make().leaseIds();
        clock.set(LocalDate.of(2026, 4, 15));

        assertThat(api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-04-15", "dryRun", false)).status())
                .isEqualTo(201);

        // HW-101: oldest unpaid charge due 10 March, 36 days → demand; its unpaid rent (5,600,000) is under 2 months (6,600,000)
        // HW-301: February and March rent unpaid = 2 months' rent → termination under 민법 제640조
        // HW-302: January–March rent unpaid = 3 months' rent → termination under 상가임대차법
        assertThat(notices()).containsExactlyInAnyOrder(
                ids.get("HW-101") + " DEMAND DRAFT", ids.get("HW-301") + " TERMINATION DRAFT",
                ids.get("HW-302") + " TERMINATION DRAFT");
        // SD-B12: April's charge, due 1 April, 14 days unpaid → final reminder by text and e-mail;
        // its tenant has only a landline, so the text is recorded as skipped, not sent
        assertThat(messages(ids.get("SD-B12"))).containsExactlyInAnyOrder("FINAL_REMINDER SMS SKIPPED",
                "FINAL_REMINDER EMAIL QUEUED");
        // a notice stage sends no text of its own: the certified notice is the step
        assertThat(messages(ids.get("HW-301"))).isEmpty();

        List<String> before = notices();
        assertThat(api.postJson("/api/escalation/runs", Map.of("businessDate", "2026-04-15", "dryRun", false)).status())
                .isEqualTo(201);
        assertThat(notices()).isEqualTo(before);
        assertThat(messages(ids.get("SD-B12"))).hasSize(2);
        assertThat(api.get("/api/audit/verify").body().get("intact").asBoolean()).isTrue();
    }

    private List<String> notices() {
        List<String> list = new ArrayList<>();
        for (JsonNode n : api.get("/api/notices").body()) {
            list.add(n.get("leaseId").asLong() + " " + n.get("kind").asText() + " " + n.get("status").asText());
        }
        return list;
    }

    private List<String> messages(long leaseId) {
        List<String> list = new ArrayList<>();
        for (JsonNode m : api.get("/api/messages?leaseId=" + leaseId).body()) {
            list.add(m.get("stage").asText() + " " + m.get("channel").asText() + " " + m.get("state").asText());
        }
        return list;
    }
}
