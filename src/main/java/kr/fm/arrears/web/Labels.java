package kr.fm.arrears.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import kr.fm.arrears.escalation.Stage;
import kr.fm.arrears.history.HistoryEntry;
import kr.fm.arrears.messaging.MessageState;
import kr.fm.arrears.notice.NoticeKind;
import kr.fm.arrears.notice.NoticeStatus;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Won;

/** The Korean words the pages show: the codes' from the one source ({@link kr.fm.arrears.history.Labels}), roles and dates. */
final class Labels {

    private Labels() {}

    static String stage(Stage stage) {
        return kr.fm.arrears.history.Labels.stage(stage == null ? null : stage.name());
    }

    static String notice(NoticeKind kind) {
        return kr.fm.arrears.history.Labels.noticeKind(kind.name());
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
                m.cancelReason() != null ? m.cancelReason().name() : m.holdReason() != null ? m.holdReason().name() : null,
                m.sentInDemo());
    }

    static String channel(String channel) {
        return kr.fm.arrears.history.Labels.channel(channel);
    }

    static String role(Role role) {
        return switch (role) {
            case ADMIN -> "운영자";
            case MANAGER -> "관리 담당";
            case LANDLORD -> "임대인";
        };
    }

    /** Why a case is on the board's "needs attention" list. */
    static String attention(Board.Attention kind) {
        return switch (kind) {
            case UNREACHABLE -> "연락 불가";
            case NO_ACCOUNT -> "입금 계좌 없음";
            case RUN_ERROR -> "실행 오류";
            case NOTICE -> "내용증명 반송·보류";
            case FAILED_MESSAGE -> "발송 실패";
            case PLAN_BROKEN -> "분할납부 약정 파기";
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
