package kr.fm.arrears.history;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A ZIP written straight to a stream, each entry hashed (SHA-256) as it is written, so an archive's
 * {@code index.csv} can list the hash of every file without holding any of them: the history's
 * notice ZIP and a case's evidence pack.
 */
public final class Archive {

    /** A file of the archive and the SHA-256 of its bytes. */
    public record Filed(String name, String sha256) {}

    /** Writes one entry's content; the stream is the entry's, never closed by the body. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private final ZipOutputStream zip;
    private final List<Filed> files = new ArrayList<>();

    public Archive(OutputStream out) {
        this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    }

    public Filed put(String name, byte[] bytes) throws IOException {
        return put(name, out -> out.write(bytes));
    }

    /** An entry streamed through the digest: what it writes leaves at once. */
    public Filed put(String name, Body body) throws IOException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(name));
        OutputStream entry = new DigestOutputStream(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                zip.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the entry ends with closeEntry, the ZIP with finish
            }
        }, digest);
        body.write(entry);
        entry.flush();
        zip.closeEntry();
        Filed filed = new Filed(name, HexFormat.of().formatHex(digest.digest()));
        files.add(filed);
        return filed;
    }

    /** Every entry so far, in the order written. */
    public List<Filed> files() {
        return List.copyOf(files);
    }

    /** The last entry is written: the ZIP's directory follows; the caller's stream stays open. */
    public void finish() throws IOException {
        zip.finish();
        zip.flush();
    }

    /** UTF-8 with a BOM: without it Excel reads the Korean as the legacy code page. Not closed: the caller owns the stream. */
    public static CSVPrinter csv(OutputStream out, String... header) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        return new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(header).get());
    }

    /** One CSV row, each cell as Excel shows text ({@link kr.fm.arrears.shared.Downloads#csvCell}). */
    public static void row(CSVPrinter csv, List<String> cells) throws IOException {
        csv.printRecord(cells.stream().map(kr.fm.arrears.shared.Downloads::csvCell).toList());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
