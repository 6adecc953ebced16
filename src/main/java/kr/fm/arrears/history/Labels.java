package kr.fm.arrears.history;

import java.util.Map;

/**
 * The one source of the Korean words for the domain's codes, for the history's exports and the pages
 * alike: a landlord and their accountant read these, not enum names. Where a code is named two ways
 * it is because the context differs, and each context has its own method: a notice is named by its
 * kind on the case's pages (이행 최고서) and as the letter sent in the history (내용증명(지급 최고)).
 */
public final class Labels {

    private Labels() {}

    /**
     * A stage is named by what it sends (SPEC's ladder), so the case's step and the message of that
     * step read the same: RESOLVED sends the thanks for the payment, "납부 확인 안내".
     */
    private static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry("UPCOMING", "납부 예정 안내"),
            Map.entry("REMINDER_1", "1차 독촉"),
            Map.entry("REMINDER_2", "2차 독촉"),
            Map.entry("FINAL_REMINDER", "최종 독촉"),
            Map.entry("DEMAND_NOTICE", "이행 최고서"),
            Map.entry("TERMINATION_NOTICE", "해지 통지서"),
            Map.entry("RESOLVED", "납부 확인 안내"),
            // a payment plan's own messages (not steps of the ladder)
            Map.entry("PLAN_REMINDER", "분할납부 회차 안내"),
            Map.entry("PLAN_THANKS", "분할납부 입금 감사"),
            Map.entry("PLAN_BROKEN", "분할납부 약정 파기 안내"));

    /** A notice by its kind, as the case's pages name it (SPEC: 이행 최고서, 계약 해지 통지서). */
    private static final Map<String, String> NOTICE_KINDS = Map.of(
            "DEMAND", "이행 최고서", "TERMINATION", "계약 해지 통지서");

    private static final Map<String, String> MEDIA = Map.of(
            "ALIMTALK", "알림톡", "SMS", "문자(SMS)", "LMS", "문자(LMS)", "EMAIL", "이메일");

    /** A notice as the letter sent, in the history (docs/portal.md). */
    private static final Map<String, String> NOTICES = Map.of(
            "DEMAND", "내용증명(지급 최고)", "TERMINATION", "내용증명(계약 해지 통지)");

    private static final Map<String, String> MESSAGE_STATES = Map.of(
            "QUEUED", "발송 대기", "SENDING", "발송 중", "SENT", "발송됨", "DELIVERED", "전달됨", "FAILED", "실패",
            "SKIPPED", "보내지 않음", "CANCELLED", "취소됨", "HELD", "보류");

    /** Why a message is held until a person supplies what it lacks (messaging's HoldReason). */
    private static final Map<String, String> HOLD_REASONS = Map.of("NO_BANK_ACCOUNT", "임대인 계좌 미등록");

    /** Why a message was cancelled just before it would have left (messaging's CancelReason). */
    private static final Map<String, String> CANCEL_REASONS = Map.of(
            "PAID", "납부 확인", "PAUSED", "보류 중", "CLOSED", "연체 종결", "SUPERSEDED", "다음 단계로 대체",
            "OPTED_OUT", "수신 거부", "PLAN", "분할납부 약정 중");

    private static final Map<String, String> NOTICE_STATES = Map.of(
            "DRAFT", "작성 중", "PENDING_APPROVAL", "승인 대기", "APPROVED", "승인됨", "REJECTED", "반려됨",
            "DISPATCHED", "발송됨", "DELIVERED", "배달 완료", "RETURNED", "반송됨");

    /** The stage of a case ("단계 전" before the first). */
    public static String stage(String stage) {
        return stage == null ? "단계 전" : STAGES.getOrDefault(stage, stage);
    }

    /** The notice's kind on the case's pages: "이행 최고서". */
    public static String noticeKind(String kind) {
        return NOTICE_KINDS.getOrDefault(kind, kind);
    }

    /** "1차 독촉 · 알림톡" for a message; "내용증명(지급 최고)" for a notice. */
    static String description(String kind, String what, String medium) {
        if (HistoryEntry.NOTICE.equals(kind)) {
            return NOTICES.getOrDefault(what, "내용증명");
        }
        return STAGES.getOrDefault(what, what) + " · " + MEDIA.getOrDefault(medium, medium);
    }

    private static final Map<String, String> CHANNELS = Map.of(
            "ALIMTALK", "알림톡", "SMS", "문자", "EMAIL", "이메일", "CERTIFIED_NOTICE", "우체국 내용증명");

    /** The way it went out: the channel the ladder chose (an AlimTalk's SMS fallback is its own entry). */
    public static String channel(String channel) {
        return CHANNELS.getOrDefault(channel, channel);
    }

    /**
     * "취소됨 (납부 확인)" for a cancelled message, "보류: 임대인 계좌 미등록" for a held one ({@code cancelReason} is then
     * its hold reason), "발송됨 (시험 모드)" for one only marked sent in demo mode.
     */
    public static String status(String kind, String status, String cancelReason, boolean sentInDemo) {
        String label = status(kind, status);
        if ("HELD".equals(status) && !HistoryEntry.NOTICE.equals(kind)) {
            return label + ": " + HOLD_REASONS.getOrDefault(cancelReason, cancelReason == null ? "사유 없음" : cancelReason);
        }
        if (cancelReason != null) {
            return label + " (" + CANCEL_REASONS.getOrDefault(cancelReason, cancelReason) + ")";
        }
        return sentInDemo ? label + " (시험 모드)" : label;
    }

    public static String status(String kind, String status) {
        return (HistoryEntry.NOTICE.equals(kind) ? NOTICE_STATES : MESSAGE_STATES).getOrDefault(status, status);
    }

    static boolean isMessageState(String status) {
        return MESSAGE_STATES.containsKey(status);
    }

    static boolean isNoticeStatus(String status) {
        return NOTICE_STATES.containsKey(status);
    }
}
