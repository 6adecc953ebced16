package kr.fm.arrears.bench;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Node;

/**
 * The baseline of the render benchmark: a notice's text written with OpenPDF's own API (Document,
 * Paragraph, PdfPTable), same fonts (NanumGothic from src/main/resources/fonts, embedded as subsets),
 * same A4 page and margins. The text is taken once, before timing, from the notice's XHTML: headings
 * and paragraphs become Paragraphs, every table a PdfPTable (header cells shaded). What this does
 * not do, and the product does: FreeMarker, parsing XHTML and CSS, box layout, page-break rules.
 */
final class RawOpenPdfNotice {

    private static final float MM = 72f / 25.4f;

    /** A heading or paragraph (cells == null), or a table (rows of cells, first row the header when marked). */
    private record Block(String tag, String text, List<List<String>> rows, boolean header) {}

    private final List<Block> blocks = new ArrayList<>();
    private final BaseFont regular;
    private final BaseFont bold;

    RawOpenPdfNotice(String xhtml) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            var dom = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
            walk(dom.getElementsByTagName("body").item(0));
            regular = font("NanumGothic_400Regular.ttf");
            bold = font("NanumGothic_700Bold.ttf");
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the notice's XHTML", e);
        }
    }

    byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document pdf = new Document(PageSize.A4, 15 * MM, 15 * MM, 20 * MM, 40 * MM);
        PdfWriter.getInstance(pdf, out);
        pdf.open();
        Font body = new Font(regular, 10);
        Font small = new Font(regular, 8.5f);
        Font strong = new Font(bold, 10);
        for (Block b : blocks) {
            if (b.rows() != null) {
                int columns = b.rows().stream().mapToInt(List::size).max().orElse(1);
                PdfPTable table = new PdfPTable(columns);
                table.setWidthPercentage(100);
                table.setSpacingBefore(2 * MM);
                table.setSpacingAfter(2 * MM);
                table.setHeaderRows(b.header() ? 1 : 0);
                for (int r = 0; r < b.rows().size(); r++) {
                    List<String> row = b.rows().get(r);
                    for (int c = 0; c < columns; c++) {
                        PdfPCell cell = new PdfPCell(new Phrase(c < row.size() ? row.get(c) : "",
                                r == 0 && b.header() ? strong : columns > 4 ? small : body));
                        cell.setPadding(1.2f * MM);
                        cell.setBorderWidth(0.6f);
                        if (r == 0 && b.header()) {
                            cell.setBackgroundColor(new Color(0xdd, 0xdd, 0xdd));
                            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                        } else if (columns > 4 && c >= 2) {
                            cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                        }
                        table.addCell(cell);
                    }
                }
                pdf.add(table);
            } else {
                Paragraph p = switch (b.tag()) {
                    case "h1" -> new Paragraph(b.text(), new Font(bold, 20));
                    case "h2" -> new Paragraph(b.text(), new Font(bold, 13));
                    default -> new Paragraph(b.text(), body);
                };
                p.setLeading(b.tag().startsWith("h") ? 24 : 15);
                p.setAlignment(b.tag().startsWith("h") ? Element.ALIGN_CENTER : Element.ALIGN_JUSTIFIED);
                p.setSpacingAfter(2 * MM);
                pdf.add(p);
            }
        }
        pdf.close();
        return out.toByteArray();
    }

    /** Tables as tables; an element holding blocks is walked into; any other element is one paragraph. */
    private void walk(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE) {
                addText("p", child.getTextContent());
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                String tag = child.getNodeName();
                if (tag.equals("table")) {
                    table(child);
                } else if (holdsBlocks(child)) {
                    walk(child);
                } else {
                    addText(tag, child.getTextContent());
                }
            }
        }
    }

    private void addText(String tag, String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        if (!t.isEmpty()) {
            blocks.add(new Block(tag, t, null, false));
        }
    }

    private static boolean holdsBlocks(Node element) {
        for (Node c = element.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE
                    && List.of("div", "p", "table", "h1", "h2", "ol", "ul", "li").contains(c.getNodeName())) {
                return true;
            }
        }
        return false;
    }

    private void table(Node table) {
        List<List<String>> rows = new ArrayList<>();
        boolean header = false;
        var trs = ((org.w3c.dom.Element) table).getElementsByTagName("tr");
        for (int i = 0; i < trs.getLength(); i++) {
            List<String> cells = new ArrayList<>();
            for (Node c = trs.item(i).getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() == Node.ELEMENT_NODE) {
                    header |= i == 0 && c.getNodeName().equals("th");
                    cells.add(c.getTextContent().replaceAll("\\s+", " ").strip());
                }
            }
            rows.add(cells);
        }
        blocks.add(new Block("table", null, rows, header));
    }

    private static BaseFont font(String name) throws Exception {
        try (InputStream in = RawOpenPdfNotice.class.getResourceAsStream("/fonts/" + name)) {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        }
    }
}
