package kr.fm.arrears.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.history.HistoryEntry;
import kr.fm.arrears.messaging.MessageState;
import kr.fm.arrears.notice.NoticeKind;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Won;

/** The Korean words the pages show for the domain's codes. */
final class Labels {

    private Labels() {}

    static String stage(Stage stage) {
        if (stage == null) {
            return "단계 전";
        }
        return switch (stage) {
            case UPCOMING -> "납부 예정 안내";
            case REMINDER_1 -> "1차 독촉";
            case REMINDER_2 -> "2차 독촉";
            case FINAL_REMINDER -> "최종 독촉";
            case DEMAND_NOTICE -> "이행 최고서";
            case TERMINATION_NOTICE -> "해지 통지서";
            case RESOLVED -> "완납";
        };
    }

    static String notice(NoticeKind kind) {
        return kind == NoticeKind.DEMAND ? "이행 최고서" : "계약 해지 통지서";
    }

    /** The history's words, so a notice or message reads the same on every page. */
    static String status(NoticeStatus status) {
        return kr.fm.arrears.history.Labels.status(HistoryEntry.NOTICE, status.name());
    }

    static String state(MessageState state) {
        return kr.fm.arrears.history.Labels.status(HistoryEntry.REMINDER, state.name());
    }

    static String state(kr.fm.arrears.messaging.Message m) {
        return kr.fm.arrears.history.Labels.status(HistoryEntry.REMINDER, m.state().name(),
                m.cancelReason() == null ? null : m.cancelReason().name(), m.sentInDemo());
    }

    static String channel(String channel) {
        return switch (Channel.valueOf(channel)) {
            case ALIMTALK -> "알림톡";
            case SMS -> "문자";
            case EMAIL -> "이메일";
            case CERTIFIED_NOTICE -> "내용증명";
        };
    }

    static String role(Role role) {
        return switch (role) {
            case ADMIN -> "운영자";
            case MANAGER -> "관리 담당";
            case LANDLORD -> "임대인";
        };
    }

    static String dateOf(java.time.LocalDate date) {
        return Won.date(date);
    }

    /** "2026년 4월 15일 09:00", Seoul time. */
    static String dateTime(Instant at) {
        if (at == null) {
            return "";
        }
        LocalDateTime seoul = LocalDateTime.ofInstant(at, BusinessTime.SEOUL);
        return Won.date(seoul.toLocalDate()) + " " + seoul.format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}
