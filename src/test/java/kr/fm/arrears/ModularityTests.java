package kr.fm.arrears;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

/**
 * The module boundaries, checked: each module uses only the modules its {@code package-info.java}
 * allows, and only their front doors (types in a module's base package); no cycles. The diagram of
 * what depends on what is written into docs/ from the same model, so it cannot drift from the code.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(ArrearsApplication.class);
    static final Path DOCS = Path.of("docs/modules");

    @Test
    void modules_keep_to_their_declared_front_doors() {
        MODULES.verify();
    }

    @Test
    void the_module_diagram_in_docs_is_written_from_the_code() throws IOException {
        Path out = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML)
                        // every module uses the shared value types: drawn, they would hide the real lines
                        .withExclusions(m -> m.getBasePackage().getName().endsWith(".shared")));
        // PlantUML's own layout engine: the docs need no Graphviz on the machine that writes them
        String puml = stable(Files.readString(out.resolve("components.puml")))
                .replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        Files.createDirectories(DOCS);
        Files.writeString(DOCS.resolve("modules.puml"), puml);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        new SourceStringReader(puml).outputImage(svg, new FileFormatOption(FileFormat.SVG));
        Files.write(DOCS.resolve("modules.svg"), svg.toByteArray());

        String picture = svg.toString(StandardCharsets.UTF_8);
        assertThat(picture).contains("Ledger", "Escalation", "Messaging", "Notice", "History", "Audit", "Security", "Web")
                .doesNotContain(">Shared<");
    }

    /** The documenter lists the arrows in no fixed order: sorted, the file changes only when the modules do. */
    static String stable(String puml) {
        java.util.List<String> lines = new java.util.ArrayList<>(puml.lines().toList());
        java.util.List<String> arrows = lines.stream().filter(l -> l.contains(".>")).sorted().toList();
        int first = lines.indexOf(lines.stream().filter(l -> l.contains(".>")).findFirst().orElse(""));
        lines.removeIf(l -> l.contains(".>"));
        if (first >= 0) {
            lines.addAll(first, arrows);
        }
        return String.join("\n", lines) + "\n";
    }
}
