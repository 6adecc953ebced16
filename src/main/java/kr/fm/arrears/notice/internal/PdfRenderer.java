package kr.fm.arrears.notice.internal;

import com.lowagie.text.pdf.BaseFont;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;
import org.xhtmlrenderer.pdf.ITextRenderer;

/**
 * XHTML → PDF through Flying Saucer / OpenPDF, with NanumGothic (OFL, shipped in the jar) embedded
 * as a subset. The fonts are built from the resource's bytes, never from the machine's fonts or
 * a file path, so every machine renders the same letters and the packaged jar works too.
 */
@Component
public class PdfRenderer {

    public static final String FAMILY = "NanumGothic";
    private static final List<String> FONTS = List.of("NanumGothic_400Regular.ttf", "NanumGothic_700Bold.ttf");

    private final List<BaseFont> fonts;

    public PdfRenderer() {
        fonts = FONTS.stream().map(PdfRenderer::load).toList();
    }

    /**
     * Synchronized because the cached fonts are not thread-safe: OpenPDF reads the glyphs for each
     * document's subset through one shared reader per font. Notices render rarely (approval,
     * preview), so one at a time costs nothing noticeable, and re-parsing 4 MB of fonts per render would.
     */
    public synchronized byte[] render(String xhtml) {
        ITextRenderer renderer = new ITextRenderer();
        for (int i = 0; i < fonts.size(); i++) {
            renderer.getFontResolver().addFont(fonts.get(i), "fonts/" + FONTS.get(i), FAMILY);
        }
        renderer.setDocumentFromString(xhtml);
        renderer.layout();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        renderer.createPDF(out);
        return out.toByteArray();
    }

    private static BaseFont load(String name) {
        try (InputStream in = PdfRenderer.class.getResourceAsStream("/fonts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from the classpath");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
