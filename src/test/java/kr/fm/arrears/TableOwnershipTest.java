package kr.fm.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module reads another's data through its front door, never its tables: every table a migration
 * creates has one owning module, and no SQL in another module's sources names it.
 */
class TableOwnershipTest {

    static final Path MAIN = Path.of("src/main/java/kr/fm/arrears");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** The owner of each table (the module whose migration made it); Spring Batch and Quartz keep their own. */
    static final Map<String, Set<String>> OWNED = Map.of(
            "ledger", Set.of("landlord", "building", "unit", "tenant", "lease", "lease_unit", "charge", "payment",
                    "payment_reversal", "lease_terms"),
            "audit", Set.of("audit_event"),
            "escalation", Set.of("escalation_policy", "escalation_policy_stage", "escalation_run", "arrears_case",
                    "case_stage", "upcoming_reminder", "escalation_run_error", "payment_plan", "plan_instalment"),
            "messaging", Set.of("message", "message_opt_out", "public_holiday", "message_receipt", "webhook_delivery"),
            "notice", Set.of("notice", "notice_version", "notice_number", "notice_dispatch", "notice_tracking_event",
                    "notice_proof"),
            "security", Set.of("app_user", "api_token", "sign_in_wait"),
            "bank", Set.of("bank_account", "bank_statement", "bank_line", "bank_line_payment", "payer_alias"),
            "report", Set.of("owner_report", "owner_report_setting"));

    static final Pattern CREATED = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)");
    static final Pattern NAMED = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b");

    @Test
    void every_table_a_migration_creates_has_one_owner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().matches("V2_[23]__.*")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(f));
                while (m.find()) {
                    created.add(m.group(1).toLowerCase());
                }
            }
        }
        Set<String> owned = OWNED.values().stream().flatMap(Set::stream).collect(Collectors.toCollection(TreeSet::new));
        assertThat(owned).isEqualTo(created);
    }

    @Test
    void no_module_queries_a_table_another_module_created() throws IOException {
        Map<String, String> owner = OWNED.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(t -> Map.entry(t, e.getKey())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                Path rel = MAIN.relativize(f);
                String module = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
                Matcher m = NAMED.matcher(sqlIn(Files.readString(f)));
                while (m.find()) {
                    String table = m.group(1).toLowerCase();
                    String own = owner.get(table);
                    if (own != null && !own.equals(module)) {
                        trespasses.add(rel + " reads " + own + "'s " + table);
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    /** The text of the string literals and text blocks of a source file: where its SQL is. */
    static String sqlIn(String source) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL).matcher(source);
        while (m.find()) {
            out.append(m.group(1) != null ? m.group(1) : m.group(2)).append('\n');
        }
        return out.toString();
    }
}
