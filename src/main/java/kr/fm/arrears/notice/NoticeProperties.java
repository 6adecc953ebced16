package kr.fm.arrears.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notice module. The management company named on notices as the landlord's agent is
 * {@code arrears.company} ({@link kr.fm.arrears.templates.Company}).
 *
 * @param postOffice   the manual hand-off at the post office's internet 내용증명 service (the default)
 * @param tracking     the post office's tracking Open API (종적조회)
 * @param mailService  a contracted B2B mail service with an API (off unless enabled)
 * @param render       the PDF renderer every preview and approval shares
 * @param preview      how often a LANDLORD may ask for a preview
 */
@ConfigurationProperties("arrears.notice")
public record NoticeProperties(@DefaultValue PostOffice postOffice,
        @DefaultValue Tracking tracking, @DefaultValue MailService mailService, @DefaultValue Render render,
        @DefaultValue Preview preview) {

    /** @param copies copies of a 내용증명 (sender, recipient, the post office's own), stated in the bundle's checklist */
    public record PostOffice(@DefaultValue("3") int copies) {}

    /**
     * @param serviceKey the public-data portal's service key for 국내우편물 종적조회; blank: tracking is off
     * @param baseUrl    the API's root (the portal documents http://openapi.epost.go.kr)
     * @param timeout    connect and read timeout of one question
     * @param cron       Quartz cron (Asia/Seoul) of the daily tracking round
     */
    public record Tracking(String serviceKey, @DefaultValue("http://openapi.epost.go.kr") String baseUrl,
            @DefaultValue("10s") Duration timeout, @DefaultValue("0 0 7 * * ?") String cron) {}

    /**
     * @param concurrency  PDFs rendered at once
     * @param queueTimeout how long a render waits for a free slot before the caller gets 503
     */
    public record Render(@DefaultValue("2") int concurrency, @DefaultValue("10s") Duration queueTimeout) {}

    /** @param landlordPerMinute previews (PDF and page together) a LANDLORD may ask for in a minute */
    public record Preview(@DefaultValue("10") int landlordPerMinute) {}

    /**
     * @param enabled    off by default: without a contract the MANAGER posts at the post office and records the 등기번호
     * @param baseUrl    the mail service's root; the PDF goes to {@code POST {baseUrl}/letters}
     * @param timeout    connect and read timeout of one attempt
     * @param copies     copies the mail service makes
     */
    public record MailService(@DefaultValue("false") boolean enabled, String baseUrl, @DefaultValue("10s") Duration timeout,
            @DefaultValue("3") int copies, @DefaultValue("2s") Duration retryBase, @DefaultValue("5m") Duration retryCap,
            @DefaultValue("5") int maxAttempts) {}
}
