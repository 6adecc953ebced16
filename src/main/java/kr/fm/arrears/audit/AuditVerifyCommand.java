package kr.fm.arrears.audit;

import java.util.Arrays;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code java -jar arrears.jar audit-verify}: checks the chain without starting the web server. Exit 0 = intact. */
public final class AuditVerifyCommand {

    private AuditVerifyCommand() {}

    public static boolean isRequested(String[] args) {
        return Arrays.asList(args).contains("audit-verify");
    }

    public static int run(Class<?> app, String[] args) {
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(app)
                .web(WebApplicationType.NONE)
                .properties("arrears.scheduling.enabled=false")
                .run(args)) {
            AuditVerifier.Result result = ctx.getBean(AuditVerifier.class).verify();
            if (result.intact()) {
                System.out.println("audit chain intact: " + result.eventsChecked() + " events checked");
                return 0;
            }
            System.out.println("audit chain BROKEN at event " + result.firstBrokenId() + ": " + result.problem());
            return 1;
        }
    }
}
