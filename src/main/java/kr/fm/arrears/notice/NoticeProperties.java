package kr.fm.arrears.notice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the notice module.
 *
 * @param agentName    the management company, named on the notice as the landlord's agent (blank: no agent)
 * @param agentAddress its address
 * @param postal       the post office's internet certified-mail gateway
 */
@ConfigurationProperties("arrears.notice")
public record NoticeProperties(String agentName, String agentAddress, @DefaultValue Postal postal) {

    /**
     * @param baseUrl      gateway root; the PDF goes to {@code POST {baseUrl}/letters}
     * @param timeout      connect and read timeout of one attempt
     * @param copies       copies the post office makes (sender, recipient, post office)
     */
    public record Postal(String baseUrl, @DefaultValue("10s") Duration timeout, @DefaultValue("3") int copies,
            @DefaultValue("2s") Duration retryBase, @DefaultValue("5m") Duration retryCap,
            @DefaultValue("5") int maxAttempts) {}
}
