package kr.fm.arrears.audit.internal;

import static kr.fm.arrears.audit.AuditLog.details;

import kr.fm.arrears.audit.AuditAction;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.messaging.HolidayRemoved;
import kr.fm.arrears.messaging.HolidaySet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What messaging did, as the audit log keeps it. Listeners run in the publisher's transaction, so
 * the change and its audit event commit or roll back together.
 */
@Component
class MessagingTrail {

    private final AuditLog log;

    MessagingTrail(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(HolidaySet e) {
        log.record(AuditAction.HOLIDAY_SET, e.actor(), "HOLIDAY", e.date(), null, null, details("name", e.name()));
    }

    @EventListener
    void on(HolidayRemoved e) {
        log.record(AuditAction.HOLIDAY_REMOVED, e.actor(), "HOLIDAY", e.date(), null, null, null);
    }
}
