package kr.fm.arrears.bank;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import kr.fm.arrears.shared.Viewer;
import kr.fm.arrears.shared.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statement lines for staff: the review queue and a person's decisions (assign, split, not rent). */
@RestController
@RequestMapping("/api/bank-lines")
class BankLinesController {

    record Assign(@NotNull Long leaseId, Boolean teachAlias) {}

    record Split(@NotNull List<BankLines.Part> parts) {}

    /** The reason of a "not rent" or of a reversal. */
    record Ignore(String reason) {}

    private final BankLines lines;

    BankLinesController(BankLines lines) {
        this.lines = lines;
    }

    /** {@code state}: UNMATCHED, AMBIGUOUS, MATCHED or NOT_RENT; none = every line waiting for a person. */
    @GetMapping
    List<BankLines.Line> list(@RequestParam(required = false) String state, @RequestParam(required = false) Long statement,
            @RequestParam(defaultValue = "200") int limit) {
        return lines.list(state(state), statement, limit);
    }

    @GetMapping("/{id}")
    BankLines.Line get(@PathVariable long id) {
        return lines.get(id);
    }

    @PostMapping("/{id}/assign")
    BankLines.Line assign(Viewer viewer, @PathVariable long id, @Valid @RequestBody Assign body) {
        return lines.assign(id, body.leaseId(), Boolean.TRUE.equals(body.teachAlias()), viewer.name());
    }

    @PostMapping("/{id}/split")
    BankLines.Line split(Viewer viewer, @PathVariable long id, @Valid @RequestBody Split body) {
        return lines.split(id, body.parts(), viewer.name());
    }

    @PostMapping("/{id}/ignore")
    BankLines.Line ignore(Viewer viewer, @PathVariable long id, @RequestBody Ignore body) {
        return lines.notRent(id, body.reason(), viewer.name());
    }

    /** Undoes a match (the last import's automatic ones, say): payments reversed, the line waits again. */
    @PostMapping("/{id}/reverse")
    BankLines.Line reverse(Viewer viewer, @PathVariable long id, @RequestBody Ignore body) {
        return lines.reverse(id, body.reason(), viewer.name());
    }

    private static LineState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        try {
            return LineState.valueOf(state.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("state", state, "UNMATCHED, AMBIGUOUS, MATCHED, NOT_RENT 중 하나여야 합니다");
        }
    }
}
