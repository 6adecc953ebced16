package kr.fm.arrears.imports;

import java.io.IOException;
import java.io.InputStream;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.ImportRejected;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV imports, as a multipart upload (field {@code file}) or as the raw request body. Bodies are
 * read inside an {@link ImportSlots} slot, never before, so waiting uploads hold no memory.
 */
@RestController
@RequestMapping("/api")
class ImportController {

    private final LeaseImport leases;
    private final PaymentImport payments;
    private final BankStatementImport statements;
    private final ImportSlots slots;

    ImportController(LeaseImport leases, PaymentImport payments, BankStatementImport statements, ImportSlots slots) {
        this.leases = leases;
        this.payments = payments;
        this.statements = statements;
        this.slots = slots;
    }

    /** A statement as the bank exported it (xlsx, xls, HTML-xls, CSV) for {@code account}, a landlord's account number. */
    @PostMapping(path = "/imports/bank-statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    kr.fm.arrears.bank.BankLines.Imported bankStatement(Viewer viewer, @RequestPart("file") MultipartFile file, @RequestParam String account)
            throws IOException {
        return slots.run(() -> statements.importFile(bytes(file), file.getOriginalFilename(), account, viewer.name()));
    }

    /** The column mapping for an account whose bank's layout no profile knows. */
    @org.springframework.web.bind.annotation.PutMapping("/bank-accounts/{account}/columns")
    kr.fm.arrears.bank.BankAccounts.Account columns(Viewer viewer, @org.springframework.web.bind.annotation.PathVariable String account,
            @org.springframework.web.bind.annotation.RequestBody java.util.Map<String, String> columns) {
        return statements.saveColumns(account, columns, viewer.name());
    }

    @PostMapping(path = "/imports/leases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LeaseImport.Result leases(Viewer viewer, @RequestPart("file") MultipartFile file) throws IOException {
        return slots.run(() -> leases.importFile(bytes(file), file.getOriginalFilename(), viewer.name()));
    }

    @PostMapping(path = "/imports/leases", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    LeaseImport.Result leases(Viewer viewer, InputStream body, @RequestParam(defaultValue = "leases.csv") String fileName) throws IOException {
        return slots.run(() -> leases.importFile(body.readAllBytes(), fileName, viewer.name()));
    }

    @PostMapping(path = "/imports/payments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PaymentImport.Result payments(Viewer viewer, @RequestPart("file") MultipartFile file) throws IOException {
        return slots.run(() -> payments.importFile(bytes(file), file.getOriginalFilename(), viewer.name()));
    }

    @PostMapping(path = "/imports/payments", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    PaymentImport.Result payments(Viewer viewer, InputStream body, @RequestParam(defaultValue = "payments.csv") String fileName)
            throws IOException {
        return slots.run(() -> payments.importFile(body.readAllBytes(), fileName, viewer.name()));
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ImportRejected.file("올린 파일이 비어 있습니다");
        }
        return file.getBytes();
    }
}
