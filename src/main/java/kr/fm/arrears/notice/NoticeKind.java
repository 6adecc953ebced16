package kr.fm.arrears.notice;

import kr.fm.arrears.escalation.Stage;

/** The two certified notices of the ladder, each with its template and the subject it states. */
public enum NoticeKind {
    DEMAND("notices/demand.ftlh", "연체 차임 등 지급 최고서"),            // 이행 최고서
    TERMINATION("notices/termination.ftlh", "임대차계약 해지 통지서"); // 계약 해지 통지서

    private final String template;
    private final String subject;

    NoticeKind(String template, String subject) {
        this.template = template;
        this.subject = subject;
    }

    public String template() {
        return template;
    }

    public String defaultSubject() {
        return subject;
    }

    /** The notice a stage drafts, or null when the stage sends no notice. */
    public static NoticeKind of(Stage stage) {
        return switch (stage) {
            case DEMAND_NOTICE -> DEMAND;
            case TERMINATION_NOTICE -> TERMINATION;
            default -> null;
        };
    }
}
