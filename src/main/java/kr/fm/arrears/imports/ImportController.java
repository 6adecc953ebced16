package kr.fm.arrears.imports;

import java.io.IOException;
import kr.fm.arrears.shared.Actor;
import kr.fm.arrears.shared.ImportRejected;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** CSV imports, as a multipart upload (field {@code file}) or as the raw request body. */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private final LeaseImport leases;
    private final PaymentImport payments;

    ImportController(LeaseImport leases, PaymentImport payments) {
        this.leases = leases;
        this.payments = payments;
    }

    @PostMapping(path = "/leases", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    LeaseImport.Result leases(@RequestPart("file") MultipartFile file) throws IOException {
        return leases.importFile(bytes(file), file.getOriginalFilename(), Actor.current());
    }

    @PostMapping(path = "/leases", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    LeaseImport.Result leases(@RequestBody byte[] body, @RequestParam(defaultValue = "leases.csv") String fileName) {
        return leases.importFile(body, fileName, Actor.current());
    }

    @PostMapping(path = "/payments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    PaymentImport.Result payments(@RequestPart("file") MultipartFile file) throws IOException {
        return payments.importFile(bytes(file), file.getOriginalFilename(), Actor.current());
    }

    @PostMapping(path = "/payments", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    PaymentImport.Result payments(@RequestBody byte[] body, @RequestParam(defaultValue = "payments.csv") String fileName) {
        return payments.importFile(body, fileName, Actor.current());
    }

    private static byte[] bytes(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ImportRejected.file("the uploaded file is empty");
        }
        return file.getBytes();
    }
}
