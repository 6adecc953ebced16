package kr.fm.arrears.imports;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code arrears.imports.*}: how many imports run at once ({@code concurrency}) and how long another
 * waits for a slot before it is answered 503 ({@code queue-timeout}).
 */
@ConfigurationProperties("arrears.imports")
record ImportSettings(@DefaultValue("2") int concurrency, @DefaultValue("PT30S") Duration queueTimeout) {}
