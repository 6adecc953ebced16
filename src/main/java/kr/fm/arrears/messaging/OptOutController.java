package kr.fm.arrears.messaging;

import kr.fm.arrears.shared.Viewer;
import java.util.Set;
import kr.fm.arrears.escalation.Channel;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's "do not contact me on ..." choices. PUT replaces the whole set. */
@RestController
@RequiredArgsConstructor
class OptOutController {

    record OptOutRequest(Set<Channel> channels, String reason) {}

    record OptOutView(long tenantId, Set<Channel> channels) {}

    private final OptOuts optOuts;

    /** Scoped like every landlord read: another landlord's tenant, like an unknown id, is 404. */
    @GetMapping("/api/tenants/{id}/opt-outs")
    OptOutView get(Viewer viewer, @PathVariable long id) {
        return new OptOutView(id, optOuts.visible(viewer, id));
    }

    @PutMapping("/api/tenants/{id}/opt-outs")
    OptOutView put(Viewer viewer, @PathVariable long id, @RequestBody OptOutRequest request) {
        Set<Channel> channels = request.channels() == null ? Set.of() : request.channels();
        return new OptOutView(id, optOuts.replace(viewer, id, channels, request.reason()));
    }
}
