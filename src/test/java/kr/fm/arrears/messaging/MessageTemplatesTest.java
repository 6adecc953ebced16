package kr.fm.arrears.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kr.fm.arrears.templates.Company;
import kr.fm.arrears.templates.Templates;
import org.junit.jupiter.api.Test;

/** Every stage has every channel's template, each AlimTalk its own registered code, every text fits an LMS. */
class MessageTemplatesTest {

    final MessageTemplates templates = new MessageTemplates(new Templates("templates", COMPANY));
    /** The management company as application-test.yml sets it. */
    static final Company COMPANY = new Company("(주)새봄공장관리", "031-8000-1234", "오세진 대리", "arrears@saebom-fm.co.kr",
            "경기도 평택시 포승읍 평택항로 200", true);
    static final List<String> STAGES = List.of("upcoming", "reminder-1", "reminder-2", "final-reminder", "resolved");

    static Map<String, Object> model() {
        Map<String, Object> m = new HashMap<>();
        m.put("tenantName", "미래테크(주)");
        m.put("representative", "이미래");
        m.put("leaseCode", "HW-301");
        m.put("buildingName", "한울 제1공장");
        m.put("units", "301-1");
        m.put("landlordName", "한울산업개발");
        m.put("bankName", "국민은행");
        m.put("bankAccount", "123-45-6789-012");
        m.put("accountHolder", "한울산업개발(주)");
        m.put("businessDate", LocalDate.of(2026, 3, 31));
        m.put("balance", 3_630_000L);
        m.put("lateInterest", 23_866L);
        m.put("total", 3_653_866L);
        m.put("daysOverdue", 34L);
        m.put("oldestDue", LocalDate.of(2026, 2, 25));
        m.put("dueDate", LocalDate.of(2026, 4, 25));
        m.put("amount", 1_815_000L);
        return m;
    }

    @Test
    void every_stage_renders_an_alimtalk_with_its_own_code_an_sms_and_an_email() {
        Map<String, String> codes = new HashMap<>();
        for (String stage : STAGES) {
            MessageTemplates.Text talk = templates.alimTalk(stage, model());
            codes.put(talk.code(), stage);
            MessageTemplates.Text sms = templates.sms(stage, model());
            assertThat(MessageKind.eucKrBytes(sms.text())).as(stage).isLessThanOrEqualTo(2000);
            assertThat(sms.title()).as(stage).isNotBlank();
            MessageTemplates.Email mail = templates.email(stage, model());
            assertThat(mail.subject()).as(stage).startsWith("[한울 제1공장]").doesNotContain("\n");
            assertThat(mail.html()).as(stage).contains("<html lang=\"ko\">", "미래테크(주) 이미래 대표님</p>");
            assertThat(mail.text()).as(stage).startsWith("미래테크(주) 이미래 대표님, 안녕하세요.");
        }
        assertThat(codes).hasSize(5).containsKeys("ARR_UPCOMING", "ARR_REMIND_1", "ARR_REMIND_2", "ARR_FINAL", "ARR_RESOLVED");
    }

    @Test
    void every_email_names_the_management_company_from_the_settings_its_contact_and_phone_and_no_placeholder() {
        for (String stage : STAGES) {
            MessageTemplates.Email mail = templates.email(stage, model());
            for (String part : new String[] {mail.text(), mail.html()}) {
                assertThat(part).as(stage).contains("(주)새봄공장관리", "오세진 대리", "031-8000-1234")
                        .doesNotContain("관리사무소", "example", "${", "한빛");
            }
        }
        for (String stage : List.of("reminder-1", "reminder-2", "final-reminder")) {
            assertThat(templates.alimTalk(stage, model()).text()).as(stage).contains("■ 문의: (주)새봄공장관리 오세진 대리(031-8000-1234)\n");
            assertThat(templates.sms(stage, model()).text()).as(stage).endsWith("문의: (주)새봄공장관리 031-8000-1234");
        }
    }

    @Test
    void the_tenant_is_addressed_with_one_honorific() {
        for (String stage : STAGES) {
            MessageTemplates.Email mail = templates.email(stage, model());
            for (String part : new String[] {mail.text(), mail.html()}) {
                assertThat(part.split("대표님", -1)).as(stage).hasSize(2);
                assertThat(part).as(stage).doesNotContain("귀하", "귀중", "대표님 담당자님", "담당자님 대표님");
            }
        }
        Map<String, Object> noRepresentative = model();
        noRepresentative.put("representative", "");
        MessageTemplates.Email mail = templates.email("reminder-1", noRepresentative);
        assertThat(mail.text()).startsWith("미래테크(주) 담당자님, 안녕하세요.").doesNotContain("대표님");
        assertThat(mail.html()).contains("<p>미래테크(주) 담당자님</p>").doesNotContain("대표님");
        for (String stage : STAGES) {
            assertThat(templates.alimTalk(stage, model()).text()).as(stage).contains("미래테크(주) 담당자님,").doesNotContain("대표님");
        }
    }

    @Test
    void the_friendly_reminder_and_the_thank_you_fit_one_sms_while_the_reminders_with_figures_go_as_lms() {
        assertThat(MessageKind.forText(templates.sms("upcoming", model()).text())).isEqualTo(MessageKind.SMS);
        assertThat(MessageKind.forText(templates.sms("resolved", model()).text())).isEqualTo(MessageKind.SMS);
        assertThat(MessageKind.forText(templates.sms("reminder-2", model()).text())).isEqualTo(MessageKind.LMS);
    }

    @Test
    void html_is_escaped_in_the_email_but_not_in_the_text_part() {
        Map<String, Object> model = model();
        model.put("tenantName", "A&B <상사>");
        MessageTemplates.Email mail = templates.email("reminder-1", model);
        assertThat(mail.html()).contains("A&amp;B &lt;상사&gt;");
        assertThat(mail.text()).contains("A&B <상사>");
    }

    @Test
    void the_final_reminder_warns_that_a_certified_notice_follows() {
        assertThat(templates.sms("final-reminder", model()).text())
                .contains("34일째 미납", "3,630,000원", "23,866원", "내용증명(이행 최고서)");
    }

    @Test
    void a_template_says_it_prints_the_account_exactly_when_its_text_shows_the_account() {
        // the flag decides which reminders are held while the landlord has no account: it must not drift from the text
        List<String> printing = new java.util.ArrayList<>();
        for (String stage : STAGES) {
            for (kr.fm.arrears.escalation.Channel channel : List.of(kr.fm.arrears.escalation.Channel.ALIMTALK,
                    kr.fm.arrears.escalation.Channel.SMS, kr.fm.arrears.escalation.Channel.EMAIL)) {
                String text = switch (channel) {
                    case ALIMTALK -> templates.alimTalk(stage, model()).text();
                    case SMS -> templates.sms(stage, model()).text();
                    default -> templates.email(stage, model()).text() + templates.email(stage, model()).html();
                };
                boolean shows = text.contains("123-45-6789-012");
                assertThat(templates.printsAccount(stage, channel)).as(stage + " " + channel).isEqualTo(shows);
                if (shows) {
                    printing.add(stage + " " + channel);
                }
            }
        }
        // the friendly UPCOMING SMS is one short line without it; a thank-you never asks for money
        assertThat(printing).containsExactly("upcoming ALIMTALK", "upcoming EMAIL", "reminder-1 ALIMTALK", "reminder-1 SMS",
                "reminder-1 EMAIL", "reminder-2 ALIMTALK", "reminder-2 SMS", "reminder-2 EMAIL", "final-reminder ALIMTALK",
                "final-reminder SMS", "final-reminder EMAIL");
    }

    @Test
    void a_payment_plans_reminder_and_thank_you_fit_their_registered_alimtalk_and_fall_back_to_one_sms() {
        RegisteredTemplates registered = new RegisteredTemplates(new Templates("templates", COMPANY));
        Map<String, Object> m = model();
        // the 2nd of 3 instalments: 400,000 due 27 March, 410,000 still to pay after it
        m.putAll(Map.of("instalmentNo", 2, "instalments", 3, "dueDate", LocalDate.of(2026, 3, 27), "amount", 400_000L,
                "remaining", 410_000L));
        for (String base : List.of("plan-reminder", "plan-thanks")) {
            MessageTemplates.Text talk = templates.alimTalk(base, m);
            assertThat(registered.variables(talk.code(), talk.text())).as(base).isPresent();
            assertThat(talk.text()).as(base).contains("2회차(전 3회)");
            MessageTemplates.Text sms = templates.sms(base, m);
            assertThat(sms.title()).as(base).isNotBlank();
            assertThat(MessageKind.eucKrBytes(sms.text())).as(base).isLessThanOrEqualTo(MessageKind.LMS_BYTES);
        }
        assertThat(templates.alimTalk("plan-reminder", m).text()).contains("400,000원", "2026년 3월 27일", "123-45-6789-012");
        // the reminder asks for money into the account, so it is held while there is none; the thank-you is not
        assertThat(templates.printsAccount("plan-reminder", kr.fm.arrears.escalation.Channel.ALIMTALK)).isTrue();
        assertThat(templates.printsAccount("plan-reminder", kr.fm.arrears.escalation.Channel.SMS)).isTrue();
        assertThat(templates.sms("plan-thanks", m).text()).doesNotContain("123-45-6789-012");
        assertThat(templates.printsAccount("plan-thanks", kr.fm.arrears.escalation.Channel.SMS)).isFalse();
        assertThat(List.of(templates.alimTalk("plan-reminder", m).code(), templates.alimTalk("plan-thanks", m).code()))
                .containsExactly("ARR_PLAN_REMIND", "ARR_PLAN_THANKS");
    }
}
