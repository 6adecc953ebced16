package kr.fm.arrears.web;

import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import kr.fm.arrears.bank.BankLines;
import kr.fm.arrears.bank.LineState;
import kr.fm.arrears.imports.BankStatementImport;
import kr.fm.arrears.ledger.LedgerViews;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.Conflict;
import kr.fm.arrears.shared.ImportRejected;
import kr.fm.arrears.shared.InvalidInput;
import kr.fm.arrears.shared.NotFound;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The MANAGER's review queue of bank lines: upload a statement, then assign (optionally teaching the
 * payer's name), split or mark "not rent" each line the rules left; the last import's automatic
 * matches are listed for a glance. The decisions are {@link BankLines}'; this page only turns forms
 * into them.
 */
@Controller
@RequiredArgsConstructor
class BankLinesPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy.MM.dd HH:mm");
    private static final int QUEUE = 200;

    /** A line as the page prints it. */
    public record Item(BankLines.Line line, String when, String state) {}

    public record Account(String landlordName, String bankName, String accountNo) {}

    private final BankLines lines;
    private final BankStatementImport statements;
    private final LedgerViews views;

    @GetMapping("/bank-lines")
    String queue(Viewer viewer, Model model) {
        model.addAttribute("waiting", items(lines.list(null, null, QUEUE)));
        model.addAttribute("automatic", lines.lastStatement().map(s -> items(lines.list(LineState.MATCHED, s, QUEUE)))
                .orElse(List.of()));
        model.addAttribute("accounts", views.landlords(viewer).stream().filter(l -> l.bankAccount() != null)
                .map(l -> new Account(l.name(), l.bankName() == null ? "" : l.bankName(), l.bankAccount())).toList());
        return "bank-lines";
    }

    @PostMapping("/bank-lines/upload")
    String upload(Viewer viewer, @RequestParam("file") MultipartFile file, @RequestParam String account, RedirectAttributes redirect)
            throws IOException {
        try {
            if (file.isEmpty()) {
                throw ImportRejected.file("파일을 선택해 주세요");
            }
            BankLines.Imported r = statements.importFile(file.getBytes(), file.getOriginalFilename(), account, viewer.name());
            return Flash.done(redirect, "거래내역을 읽었습니다 (" + r.layout() + "): 입금 " + r.deposits() + "건, 새 입금 " + r.newLines()
                    + "건, 이미 있던 입금 " + r.alreadyImported() + "건, 자동 매칭 " + r.matched() + "건, 확인 필요 " + r.waiting() + "건.",
                    "/bank-lines");
        } catch (ImportRejected e) {
            String rows = e.errors().stream().limit(10).map(x -> (x.row() > 0 ? x.row() + "행 " : "")
                    + (x.column() == null ? "" : x.column() + ": ") + x.message()).reduce((a, b) -> a + "; " + b).orElse("");
            redirect.addFlashAttribute("problem", "가져오지 않았습니다 (오류 " + e.total() + "건). " + rows);
            return "redirect:/bank-lines";
        } catch (InvalidInput e) {
            return Flash.refused(redirect, e, "/bank-lines");
        }
    }

    @PostMapping("/bank-lines/{id}/assign")
    String assign(Viewer viewer, @PathVariable long id, @RequestParam(required = false) Long leaseId,
            @RequestParam(required = false) String leaseCode, @RequestParam(defaultValue = "false") boolean teach,
            RedirectAttributes redirect) {
        return act(redirect, () -> {
            long lease = leaseId != null ? leaseId : lease(leaseCode, "leaseCode");
            BankLines.Line l = lines.assign(id, lease, teach, viewer.name());
            return l.applied().get(0).leaseCode() + " " + l.applied().get(0).tenantName() + "에 "
                    + kr.fm.arrears.shared.Won.format(l.amount()) + " 입금을 반영했습니다." + (teach ? " 입금자명을 기억합니다." : "");
        });
    }

    /** {@code parts}: one "계약코드 금액" a line, e.g. "HW-301 1,815,000". */
    @PostMapping("/bank-lines/{id}/split")
    String split(Viewer viewer, @PathVariable long id, @RequestParam(defaultValue = "") String parts, RedirectAttributes redirect) {
        return act(redirect, () -> {
            List<BankLines.Part> split = new ArrayList<>();
            for (String row : parts.split("\\R")) {
                if (row.isBlank()) {
                    continue;
                }
                String[] codeAndAmount = row.trim().split("\\s+", 2);
                Long amount = null;
                try {
                    amount = codeAndAmount.length < 2 ? null : Long.parseLong(codeAndAmount[1].replace(",", "").replace("원", "").trim());
                } catch (NumberFormatException notANumber) {
                    throw InvalidInput.of("parts", row, "한 줄에 '계약코드 금액' 형식으로 적어 주세요");
                }
                split.add(new BankLines.Part(lease(codeAndAmount[0], "parts"), amount));
            }
            lines.split(id, split, viewer.name());
            return "입금을 " + split.size() + "개 계약에 나누어 반영했습니다.";
        });
    }

    @PostMapping("/bank-lines/{id}/ignore")
    String ignore(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, () -> {
            lines.notRent(id, reason, viewer.name());
            return "임대료가 아닌 입금으로 표시했습니다. 장부에는 반영되지 않습니다.";
        });
    }

    @PostMapping("/bank-lines/{id}/reverse")
    String reverse(Viewer viewer, @PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(redirect, () -> {
            lines.reverse(id, reason, viewer.name());
            return "매칭을 되돌렸습니다. 입금은 취소로 기록되었고 다시 확인을 기다립니다.";
        });
    }

    /** Runs a decision; the page says what it did, or why it was refused (nothing changed then). */
    private static String act(RedirectAttributes redirect, java.util.function.Supplier<String> decision) {
        try {
            return Flash.done(redirect, decision.get(), "/bank-lines");
        } catch (Conflict | InvalidInput | NotFound e) {
            return Flash.refused(redirect, e, "/bank-lines");
        }
    }

    private long lease(String code, String field) {
        if (code == null || code.isBlank()) {
            throw InvalidInput.of(field, code, "계약코드를 적어 주세요");
        }
        return views.leaseIdByCode(code.trim()).orElseThrow(() -> InvalidInput.of(field, code, "없는 계약코드입니다"));
    }

    private static List<Item> items(List<BankLines.Line> lines) {
        return lines.stream().map(l -> new Item(l, WHEN.format(l.occurredAt()), switch (l.state()) {
            case UNMATCHED -> "미확인";
            case AMBIGUOUS -> "후보 여럿";
            case MATCHED -> "반영됨";
            case NOT_RENT -> "임대료 아님";
        })).toList();
    }
}
