package kr.fm.arrears.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landlord's first page: what the service did for them this month, and where to look further. */
@Controller
class PortalPage {

    @GetMapping("/portal")
    String home() {
        return "portal";
    }
}
