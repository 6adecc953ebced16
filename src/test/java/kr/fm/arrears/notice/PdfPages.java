package kr.fm.arrears.notice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/** What a reader of the PDF sees: the text of each page, where each glyph sits, which fonts are embedded. */
public record PdfPages(List<String> texts, String contentOrder, List<Glyph> glyphs, List<Font> fonts, float width, float height) {

    /** One glyph; {@code top}/{@code baseline} measured in points from the top of its page. */
    record Glyph(int page, String text, float x, float top, float baseline) {}

    public record Font(String name, boolean embeddedTrueType) {}

    static final float MM = 72f / 25.4f;

    public static PdfPages read(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<String> texts = new ArrayList<>();
            List<Glyph> glyphs = new ArrayList<>();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                final int page = p;
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void writeString(String text, List<TextPosition> positions) throws IOException {
                        for (TextPosition t : positions) {
                            if (!t.getUnicode().isBlank()) {
                                glyphs.add(new Glyph(page, t.getUnicode(), t.getXDirAdj(), t.getYDirAdj() - t.getHeightDir(), t.getYDirAdj()));
                            }
                        }
                        super.writeString(text, positions);
                    }
                };
                stripper.setSortByPosition(true);
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                texts.add(stripper.getText(doc));
            }
            List<Font> fonts = new ArrayList<>();
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    PDFontDescriptor d = font instanceof PDType0Font t0 ? t0.getDescendantFont().getFontDescriptor() : font.getFontDescriptor();
                    fonts.add(new Font(font.getName(), d != null && d.getFontFile2() != null));
                }
            }
            PDPage first = doc.getPage(0);
            // in the order it was drawn: an overlay (the DRAFT watermark) stays one run
            String drawn = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            return new PdfPages(texts, drawn, glyphs, fonts, first.getMediaBox().getWidth(), first.getMediaBox().getHeight());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All pages' text with line breaks and runs of spaces folded into one space. */
    public String text() {
        return String.join(" ", texts).replaceAll("\\s+", " ");
    }

    String page(int n) {
        return texts.get(n - 1).replaceAll("\\s+", " ");
    }

    int pages() {
        return texts.size();
    }
}
