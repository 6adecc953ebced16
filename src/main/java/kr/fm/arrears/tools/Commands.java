package kr.fm.arrears.tools;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import kr.fm.arrears.audit.AuditVerifier;
import kr.fm.arrears.escalation.EscalationRuns;
import kr.fm.arrears.ledger.PortfolioGenerated;
import kr.fm.arrears.shared.BusinessTime;
import kr.fm.arrears.shared.Viewer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Operator commands that run against the same database without the web server or the scheduler:
 * <pre>
 *   java -jar arrears.jar audit-verify
 *   java -jar arrears.jar generate-portfolio --leases=100000 [--seed=42] [--through=2026-10] [--first-landlord-leases=500]
 *   java -jar arrears.jar escalation-run --date=2026-10-15 [--dry-run=true]
 * </pre>
 * The exit code is 0 on success.
 */
public final class Commands {

    private Commands() {}

    private static final List<String> NAMES = List.of("audit-verify", "generate-portfolio", "escalation-run");

    public static Optional<Integer> run(Class<?> app, String[] args) {
        if (args.length == 0 || !NAMES.contains(args[0])) {
            return Optional.empty();
        }
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(app)
                .web(WebApplicationType.NONE)
                .properties("arrears.scheduling.enabled=false", "spring.main.banner-mode=off")
                .run(args)) {
            return Optional.of(switch (args[0]) {
                case "audit-verify" -> auditVerify(ctx);
                case "generate-portfolio" -> generate(ctx, options(args));
                default -> escalationRun(ctx, options(args));
            });
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
        int firstLandlordLeases = Integer.parseInt(options.getOrDefault("first-landlord-leases", "0"));
        var plan = new PortfolioGenerator.Plan(leases, seed, through, firstLandlordLeases);
        var result = new PortfolioGenerator(ctx.getBean(DataSource.class)).generate(plan);
        // the audit trail writes it in this transaction; the benchmark finds the generated portfolio by it
        ctx.getBean(TransactionTemplate.class).executeWithoutResult(s -> ctx.publishEvent(new PortfolioGenerated(
                Viewer.SYSTEM_NAME, seed, result.leases(), result.charges(), result.payments(), through, firstLandlordLeases)));
        System.out.printf("generated %,d leases, %,d charges, %,d payments (%,d in arrears) in %,d ms%n",
                result.leases(), result.charges(), result.payments(), result.inArrears(), result.millis());
        return 0;
    }

    /** One escalation run for a business date, as the schedule would launch it; exit 1 unless it completed. */
    private static int escalationRun(ConfigurableApplicationContext ctx, Map<String, String> options) {
        LocalDate date = options.containsKey("date") ? LocalDate.parse(options.get("date"))
                : BusinessTime.today(ctx.getBean(Clock.class));
        boolean dryRun = Boolean.parseBoolean(options.getOrDefault("dry-run", "false"));
        long started = System.nanoTime();
        EscalationRuns.RunView run = ctx.getBean(EscalationRuns.class).start(date, dryRun, "operator");
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "escalation run %d for %s%s: %s, %,d leases in %,d ms (%,.0f leases/s); "
                        + "opened=%d advanced=%d skipped=%d resolved=%d upcoming=%d unchanged=%d%n",
                run.id(), date, dryRun ? " (dry run)" : "", run.status(), run.leases(), millis,
                run.leases() * 1000.0 / Math.max(1, millis), run.opened(), run.advanced(), run.skipped(), run.resolved(),
                run.upcoming(), run.unchanged());
        return run.status().equals("COMPLETED") ? 0 : run.status().equals("COMPLETED_WITH_ERRORS") ? 3 : 1;
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
