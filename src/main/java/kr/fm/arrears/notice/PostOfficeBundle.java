package kr.fm.arrears.notice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import kr.fm.arrears.shared.Downloads;
import kr.fm.arrears.shared.Sha256;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The ZIP a MANAGER takes to the post office's internet 내용증명 service: each approved PDF exactly
 * as sealed, the recipients list (one row per letter, the columns of the site's recipient form and
 * of a mail-merge list: name, 우편번호, address, phone, the file it goes with) and a checklist.
 */
final class PostOfficeBundle {

    static final String RECIPIENTS = "수신인목록.csv";
    static final String CHECKLIST = "접수안내.txt";
    static final String[] HEADER = {"순번", "문서번호", "파일명", "수신인", "우편번호", "주소", "전화번호", "SHA-256"};

    /** One letter of the bundle. */
    record Letter(long noticeId, String documentNo, String fileName, byte[] pdf, Recipient recipient) {}

    /** A notice left out (its ground has gone), and why. */
    record Left(long noticeId, String reason) {}

    private PostOfficeBundle() {}

    static byte[] zip(List<Letter> letters, List<Left> left, int copies) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Letter l : letters) {
                zip.putNextEntry(new ZipEntry(l.fileName()));
                zip.write(l.pdf());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry(RECIPIENTS));
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            writer.write('\uFEFF'); // Excel reads UTF-8 Korean only with a BOM
            CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get());
            int n = 1;
            for (Letter l : letters) {
                Recipient r = l.recipient();
                csv.printRecord(java.util.stream.Stream.of(String.valueOf(n++), l.documentNo(), l.fileName(), r.name(),
                        r.postcode() == null ? "" : r.postcode(), r.address(), r.phone() == null ? "" : r.phone(),
                        Sha256.hex(l.pdf())).map(Downloads::csvCell).toList());
            }
            csv.flush();
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(CHECKLIST));
            zip.write(checklist(letters, left, copies).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String checklist(List<Letter> letters, List<Left> left, int copies) {
        StringBuilder s = new StringBuilder("우체국 인터넷 내용증명 접수 안내\n\n");
        s.append("1. 인터넷우체국(epost.go.kr)의 내용증명 신청 화면에 들어갑니다.\n")
                .append("2. 아래 PDF를 그대로 올립니다. 고치거나 다시 저장하지 마세요. 승인된 파일과 SHA-256이 같아야 합니다.\n")
                .append("   머리말·꼬리말(쪽 번호 포함)이 없는 A4 세로 문서입니다.\n")
                .append("3. 발신인(임대인, 대리인)과 수신인을 ").append(RECIPIENTS).append("대로 입력합니다. 여러 통이면 사이트가 받는 방식(한 명씩 입력 또는 목록 파일)에 맞춰 이 목록을 씁니다.\n")
                .append("4. 부수: ").append(copies).append("부 (발송인 보관, 수신인 발송, 우체국 보관).\n")
                .append("5. 배달 사실의 증명이 필요하면 배달증명 부가서비스를 함께 고릅니다 (사이트의 안내를 확인하세요).\n")
                .append("6. 결제 후 받은 접수번호와 13자리 등기번호, 접수일, 요금을 이 서비스의 \"우체국 접수\"에 기록합니다.\n\n");
        for (Letter l : letters) {
            Recipient r = l.recipient();
            s.append("■ ").append(l.fileName()).append('\n')
                    .append("  문서번호 ").append(l.documentNo()).append(" · SHA-256 ").append(Sha256.hex(l.pdf())).append('\n')
                    .append("  수신인 ").append(r.name()).append('\n')
                    .append("  우편번호 ").append(r.postcode() == null ? "확인 필요" : r.postcode()).append('\n')
                    .append("  주소 ").append(r.address()).append('\n');
            r.warnings().forEach(w -> s.append("  ※ ").append(w).append('\n'));
        }
        for (Left l : left) {
            s.append("\n※ ").append(l.noticeId()).append("번 통지서는 빠졌습니다: ").append(l.reason()).append('\n');
        }
        return s.toString();
    }
}
