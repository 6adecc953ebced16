package kr.fm.arrears.escalation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The escalation module's settings ({@code arrears.escalation.*}).
 *
 * @param cron           Quartz cron (Asia/Seoul) of the daily run
 * @param pageSize       leases per page; one page is one chunk and one transaction
 * @param prefilter      load only the leases that may need a step (see {@link Decisions#decideForRun})
 * @param heartbeat      how often a running instance says it is alive
 * @param abandonedAfter a run whose heartbeat is older than this is taken over
 */
@ConfigurationProperties("arrears.escalation")
public record EscalationProperties(String cron, @DefaultValue("500") int pageSize, @DefaultValue("true") boolean prefilter,
        @DefaultValue("PT10S") Duration heartbeat, @DefaultValue("PT2M") Duration abandonedAfter) {}
