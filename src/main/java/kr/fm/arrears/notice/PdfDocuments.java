package kr.fm.arrears.notice;

import kr.fm.arrears.notice.internal.PdfRenderer;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The notices' XHTML → PDF renderer (NanumGothic embedded, the same bounded render slots) for other
 * documents of the service, such as the owner's monthly report: one renderer, one font set-up.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class PdfDocuments {

    /** The font family a page names in its CSS to get the embedded Korean font. */
    public static final String FONT_FAMILY = PdfRenderer.FAMILY;

    private final PdfRenderer renderer;

    public byte[] render(String xhtml) {
        return renderer.render(xhtml);
    }
}
