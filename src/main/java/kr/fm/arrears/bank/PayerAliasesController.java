package kr.fm.arrears.bank;

import java.util.List;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A lease's payer aliases: read by anyone who sees the lease, changed by staff (the API's chain: 403 for a LANDLORD). */
@RestController
@RequestMapping("/api/leases/{leaseId}/payer-aliases")
@RequiredArgsConstructor
class PayerAliasesController {

    record Add(String payer, String reason) {}

    record Remove(String alias, String reason) {}

    private final PayerAliases aliases;

    @GetMapping
    List<PayerAliases.Alias> list(Viewer viewer, @PathVariable long leaseId) {
        return aliases.of(viewer, leaseId);
    }

    @PostMapping
    List<PayerAliases.Alias> add(Viewer viewer, @PathVariable long leaseId, @RequestBody Add body) {
        return aliases.add(viewer, leaseId, body.payer(), body.reason());
    }

    @PostMapping("/remove")
    List<PayerAliases.Alias> remove(Viewer viewer, @PathVariable long leaseId, @RequestBody Remove body) {
        return aliases.remove(viewer, leaseId, body.alias(), body.reason());
    }
}
