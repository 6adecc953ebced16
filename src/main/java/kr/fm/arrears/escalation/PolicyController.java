package kr.fm.arrears.escalation;

import java.util.List;
import kr.fm.arrears.shared.Viewer;
import lombok.RequiredArgsConstructor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ladder for everyone, a landlord ({@code ?landlordId=}) or a building ({@code ?buildingId=}). ADMIN's, once sign-in exists. */
@RestController
@RequestMapping("/api/escalation/policy")
@RequiredArgsConstructor
class PolicyController {

    private final Policies policies;

    /** {@code source} names whose ladder applies: a building without its own uses its landlord's, then the default. */
    record PolicyView(String scope, Long landlordId, Long buildingId, String source, List<Policy.StageRule> rules,
            long minimumBalance, int planGraceDays) {}

    /** {@code minimumBalance}: overdue arrears below it take no stage; absent keeps the ladder's. */
    /** {@code planGraceDays}: days after an instalment's date before a payment plan breaks; absent keeps the ladder's. */
    record PolicyBody(List<Policy.StageRule> rules, Long minimumBalance, Integer planGraceDays) {}

    @GetMapping
    PolicyView get(@RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId) {
        Policies.Scope scope = new Policies.Scope(buildingId != null ? null : landlordId, buildingId);
        Policies.Effective effective = policies.effective(scope);
        return new PolicyView(scope.name(), scope.landlordId(), scope.buildingId(), effective.source().name(),
                effective.policy().rules(), effective.policy().minimumBalance(),
                effective.policy().planGraceDays());
    }

    @PutMapping
    PolicyView put(Viewer viewer, @RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId,
            @RequestBody PolicyBody body) {
        policies.put(new Policies.Scope(landlordId, buildingId), body.rules(), body.minimumBalance(), body.planGraceDays(), viewer.name());
        return get(landlordId, buildingId);
    }

    @DeleteMapping
    ResponseEntity<Void> remove(Viewer viewer, @RequestParam(required = false) Long landlordId, @RequestParam(required = false) Long buildingId) {
        return policies.remove(new Policies.Scope(landlordId, buildingId), viewer.name())
                ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }
}
