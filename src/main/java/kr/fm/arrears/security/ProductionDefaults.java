package kr.fm.arrears.security;

import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * No defaults in production (issue 12): outside the {@code demo} profile the service refuses to start
 * in live messaging mode while the webhook secret is the shipped {@code change-me} or empty: anyone
 * could then sign a receipt and mark messages delivered; nor (issue 14) while the management company's
 * name, phone or contact person, or the e-mail sender, is missing: tenants would read a message from nobody.
 */
@Component
class ProductionDefaults implements InitializingBean {

    static final Set<String> KNOWN_SECRETS = Set.of("", "change-me");

    /** What every message and notice names (templates/Company), with the variable that sets it. */
    static final java.util.Map<String, String> COMPANY = new java.util.TreeMap<>(java.util.Map.of(
            "arrears.company.name", "ARREARS_COMPANY_NAME", "arrears.company.phone", "ARREARS_COMPANY_PHONE",
            "arrears.company.contact", "ARREARS_COMPANY_CONTACT"));

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
        if (live) {
            java.util.List<String> missing = new java.util.ArrayList<>(COMPANY.keySet().stream()
                    .filter(key -> env.getProperty(key, "").isBlank()).toList());
            String from = env.getProperty("arrears.messaging.email.from", "").trim();
            if (from.isEmpty() || from.endsWith(".example")) {
                missing.add("arrears.messaging.email.from");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("arrears.messaging.mode is live but tenants would read no management company: set "
                        + missing.stream().map(key -> key + " (" + COMPANY.getOrDefault(key, "ARREARS_MAIL_FROM or ARREARS_COMPANY_EMAIL") + ")")
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
    }
}
