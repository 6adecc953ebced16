package kr.fm.arrears.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.escalation.Stage;
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
            case REMINDER_1 -> "1차 안내";
            case REMINDER_2 -> "2차 안내";
            case FINAL_REMINDER -> "최종 안내";
            case DEMAND_NOTICE -> "이행 최고서";
            case TERMINATION_NOTICE -> "해지 통지서";
            case RESOLVED -> "완납";
        };
    }

    static String notice(NoticeKind kind) {
        return kind == NoticeKind.DEMAND ? "이행 최고서" : "계약 해지 통지서";
    }

    static String status(NoticeStatus status) {
        return switch (status) {
            case DRAFT -> "초안";
            case PENDING_APPROVAL -> "승인 대기";
            case APPROVED -> "승인됨";
            case REJECTED -> "반려됨";
            case DISPATCHED -> "발송됨";
            case DELIVERED -> "배달 완료";
            case RETURNED -> "반송됨";
        };
    }

    static String state(MessageState state) {
        return switch (state) {
            case QUEUED, SENDING -> "발송 대기";
            case SENT -> "발송됨";
            case DELIVERED -> "수신 확인";
            case FAILED -> "실패";
            case SKIPPED -> "보내지 않음";
        };
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
