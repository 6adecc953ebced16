package kr.fm.arrears.security;

import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * No defaults in production (issue 12): outside the {@code demo} profile the service refuses to start
 * in live messaging mode while the webhook secret is the shipped {@code change-me} or empty: anyone
 * could then sign a receipt and mark messages delivered.
 */
@Component
class ProductionDefaults implements InitializingBean {

    static final Set<String> KNOWN_SECRETS = Set.of("", "change-me");

    private final Environment env;

    ProductionDefaults(Environment env) {
        this.env = env;
    }

    @Override
    public void afterPropertiesSet() {
        check(env);
    }

    static void check(Environment env) {
        if (env.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        boolean live = "live".equalsIgnoreCase(env.getProperty("arrears.messaging.mode", "demo").trim());
        String secret = env.getProperty("arrears.messaging.webhook.secret", "").trim();
        if (live && KNOWN_SECRETS.contains(secret)) {
            throw new IllegalStateException("arrears.messaging.mode is live but the webhook secret is '" + secret
                    + "': set ARREARS_MESSAGING_WEBHOOK_SECRET to the secret agreed with the messaging provider");
        }
    }
}
