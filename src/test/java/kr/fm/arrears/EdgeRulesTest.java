package kr.fm.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import kr.fm.arrears.audit.AuditAction;
import org.junit.jupiter.api.Test;

/**
 * Two rules of the module layout that Spring Modulith's check does not spell out: only the edge
 * (security, web) knows Spring Security, and every audit action is written by the audit module's
 * trails, from the events the other modules publish.
 */
class EdgeRulesTest {

    static final Path MAIN = Path.of("src/main/java/kr/fm/arrears");

    @Test
    void only_security_and_web_import_spring_security() throws IOException {
        assertThat(sources(f -> !f.startsWith(MAIN.resolve("security")) && !f.startsWith(MAIN.resolve("web")),
                "import org.springframework.security")).isEmpty();
    }

    @Test
    void no_module_writes_the_audit_log_itself() throws IOException {
        assertThat(sources(f -> !f.startsWith(MAIN.resolve("audit")), "kr.fm.arrears.audit.internal")).isEmpty();
    }

    @Test
    void every_audit_action_has_a_trail_that_writes_it() throws IOException {
        StringBuilder trails = new StringBuilder();
        try (Stream<Path> files = Files.list(MAIN.resolve("audit/internal"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("Trail.java")).toList()) {
                trails.append(Files.readString(f));
            }
        }
        List<String> unwritten = Arrays.stream(AuditAction.values()).map(Enum::name)
                .filter(a -> !trails.toString().matches("(?s).*\\b" + a + "\\b.*")).toList();
        assertThat(unwritten).isEmpty();
    }

    private static List<String> sources(java.util.function.Predicate<Path> where, String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).filter(where).sorted().toList()) {
                if (Files.readString(f).contains(text)) {
                    found.add(MAIN.relativize(f).toString());
                }
            }
        }
        return found;
    }
}
