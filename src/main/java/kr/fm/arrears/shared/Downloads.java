package kr.fm.arrears.shared;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;

/** File names of downloads: Korean for people, with an ASCII stand-in for clients that cannot read it. */
public final class Downloads {

    private Downloads() {}

    /**
     * {@code attachment; filename="ascii"; filename*=UTF-8''…} (RFC 6266): browsers take the UTF-8
     * {@code filename*}, older clients the plain {@code filename}.
     */
    public static String contentDisposition(boolean attachment, String name, String asciiFallback) {
        // Spring also writes an RFC 2047 "=?UTF-8?Q?…" filename, which browsers show as is: keep only its filename*
        String utf8 = ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString();
        return (attachment ? "attachment" : "inline") + "; filename=\"" + ascii(asciiFallback) + "\"; "
                + utf8.substring(utf8.indexOf("filename*="));
    }

    /**
     * A company name as part of a file name: without its legal-form marker ((주), ㈜, 주식회사),
     * spaces or characters Windows refuses in file names.
     */
    public static String namePart(String name) {
        return name.replace("(주)", "").replace("㈜", "").replace("주식회사", "")
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\s]", "");
    }

    /**
     * A CSV cell Excel shows as text: a value starting with = + - @ (a tenant named "=HYPERLINK(…)")
     * would otherwise run as a formula on the accountant's machine, so it gets a leading apostrophe.
     */
    public static String csvCell(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    private static String ascii(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
