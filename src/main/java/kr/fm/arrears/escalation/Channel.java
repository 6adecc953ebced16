package kr.fm.arrears.escalation;

/** How a stage reaches the tenant. ALIMTALK falls back to SMS/LMS when Kakao cannot deliver it. */
public enum Channel {
    ALIMTALK,
    SMS,
    EMAIL,
    CERTIFIED_NOTICE
}
