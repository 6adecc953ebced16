package kr.fm.arrears.messaging;

import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Demo mode marks messages sent without sending them. With demo data that is the point; anywhere
 * else it is a service that tells owners it chased their tenants while it told nobody: say so loudly.
 */
@Component
@RequiredArgsConstructor
class DemoModeWarning {

    private static final Logger log = LoggerFactory.getLogger(DemoModeWarning.class);

    private final MessagingProperties properties;
    private final Environment environment;

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        if (properties.mode() == MessagingProperties.Mode.DEMO && !environment.acceptsProfiles(Profiles.of("demo"))) {
            log.warn("messaging runs in demo mode outside the demo profile: texts and e-mails are marked sent but "
                    + "never leave; set arrears.messaging.mode=live (ARREARS_MESSAGING_MODE=live) to send them");
        }
    }
}
