package kr.fm.arrears.messaging;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kr.fm.arrears.escalation.Channel;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Channels a tenant asked not to be contacted on; the choice is honoured and audited. */
@Component
public class OptOuts {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LedgerViews views;
    private final Clock clock;

    public OptOuts(JdbcClient jdbc, ApplicationEventPublisher events, LedgerViews views, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.views = views;
        this.clock = clock;
    }

    public Set<Channel> of(long tenantId) {
        List<String> rows = jdbc.sql("SELECT channel FROM message_opt_out WHERE tenant_id = ?").param(tenantId)
                .query(String.class).list();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        rows.forEach(c -> channels.add(Channel.valueOf(c)));
        return channels;
    }

    /** The opt-outs of a tenant the caller may see; {@link NotFound} for another landlord's or an unknown tenant. */
    public Set<Channel> visible(Viewer viewer, long tenantId) {
        views.tenant(viewer, tenantId).orElseThrow(() -> new NotFound("tenant", tenantId));
        return of(tenantId);
    }

    /** The opt-outs of many tenants in one query; a tenant without any is absent. */
    Map<Long, Set<Channel>> of(Collection<Long> tenantIds) {
        Map<Long, Set<Channel>> result = new HashMap<>();
        jdbc.sql("SELECT tenant_id, channel FROM message_opt_out WHERE tenant_id = ANY(?)")
                .param(tenantIds.toArray(Long[]::new))
                .query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), t -> EnumSet.noneOf(Channel.class))
                            .add(Channel.valueOf(rs.getString(2)));
                });
        return result;
    }

    public boolean optedOut(long tenantId, String channel) {
        return jdbc.sql("SELECT count(*) FROM message_opt_out WHERE tenant_id = ? AND channel = ?")
                .params(tenantId, channel).query(Long.class).single() > 0;
    }

    /** How long an opt-out's reason may be (the API and the case page). */
    public static final int REASON_MAX = 500;

    /** Replaces the tenant's opt-outs with {@code channels}, for a reason the audit log keeps. */
    @Transactional
    public Set<Channel> replace(Viewer viewer, long tenantId, Set<Channel> channels, String reason) {
        if (channels.contains(Channel.CERTIFIED_NOTICE)) {
            // a certified notice is the landlord's legal right, not a reminder one can decline
            throw InvalidInput.of("channels", Channel.CERTIFIED_NOTICE, "내용증명은 수신 거부할 수 없습니다");
        }
        reason = kr.fm.arrears.shared.Text.reason(reason, REASON_MAX);
        views.tenant(viewer, tenantId).orElseThrow(() -> new NotFound("tenant", tenantId));
        Set<Channel> before = of(tenantId);
        if (before.equals(channels)) {
            return before;
        }
        jdbc.sql("DELETE FROM message_opt_out WHERE tenant_id = ?").param(tenantId).update();
        for (Channel c : channels) {
            jdbc.sql("INSERT INTO message_opt_out (tenant_id, channel, opted_out_at) VALUES (?, ?, ?)")
                    .params(tenantId, c.name(), java.sql.Timestamp.from(clock.instant())).update();
        }
        events.publishEvent(new OptOutChanged(viewer.name(), tenantId, reason, before.stream().map(Enum::name).sorted().toList(),
                channels.stream().map(Enum::name).sorted().toList()));
        return channels;
    }
}
