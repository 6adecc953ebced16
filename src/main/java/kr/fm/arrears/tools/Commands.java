package kr.fm.arrears.tools;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import kr.fm.arrears.audit.AuditLog;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.shared.BusinessTime;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operator commands that run against the same database without the web server or the scheduler:
 * <pre>
 *   java -jar arrears.jar audit-verify
 *   java -jar arrears.jar generate-portfolio --leases=100000 [--seed=42] [--through=2026-10]
 * </pre>
 * The exit code is 0 on success.
 */
public final class Commands {

    private Commands() {}

    public static Optional<Integer> run(Class<?> app, String[] args) {
        if (args.length == 0 || !(args[0].equals("audit-verify") || args[0].equals("generate-portfolio"))) {
            return Optional.empty();
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(app)
                .web(WebApplicationType.NONE)
                .properties("arrears.scheduling.enabled=false", "spring.main.banner-mode=off")
                .run(args)) {
            return Optional.of(args[0].equals("audit-verify") ? auditVerify(ctx) : generate(ctx, options(args)));
        }
    }

    private static int auditVerify(ConfigurableApplicationContext ctx) {
        AuditVerifier.Result result = ctx.getBean(AuditVerifier.class).verify();
        if (result.intact()) {
            System.out.println("audit chain intact: " + result.eventsChecked() + " events checked");
            return 0;
        }
        System.out.println("audit chain BROKEN at event " + result.firstBrokenId() + ": " + result.problem());
        return 1;
    }

    private static int generate(ConfigurableApplicationContext ctx, Map<String, String> options) {
        int leases = Integer.parseInt(options.getOrDefault("leases", "1000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        YearMonth through = options.containsKey("through") ? YearMonth.parse(options.get("through"))
                : YearMonth.from(BusinessTime.today(ctx.getBean(Clock.class))).minusMonths(1);
        var plan = new PortfolioGenerator.Plan(leases, seed, through);
        var result = new PortfolioGenerator(ctx.getBean(DataSource.class)).generate(plan);
        ctx.getBean(TransactionTemplate.class).executeWithoutResult(s -> ctx.getBean(AuditLog.class).record(
                AuditLog.Event.system("PORTFOLIO_GENERATED", "PORTFOLIO", seed, null, AuditLog.details(
                        "leases", result.leases(), "charges", result.charges(), "payments", result.payments(),
                        "through", through.toString()))));
        System.out.printf("generated %,d leases, %,d charges, %,d payments (%,d in arrears) in %,d ms%n",
                result.leases(), result.charges(), result.payments(), result.inArrears(), result.millis());
        return 0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
