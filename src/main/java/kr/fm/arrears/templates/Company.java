package kr.fm.arrears.templates;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The management company that writes to tenants for the landlords ({@code arrears.company.*}): every
 * message and notice names it, with a phone number and a person to call. No defaults: a real install
 * states its own (the demo and the tests set theirs), and live messaging refuses to start without
 * them ({@code security/ProductionDefaults}).
 *
 * @param name    "(주)한빛공장관리"
 * @param phone   the number tenants call, as printed: "031-123-4567"
 * @param contact the person (or desk) to ask for: "김관리 과장"
 * @param email   the e-mail sender of reminders (also {@code arrears.messaging.email.from}'s default)
 * @param address printed on notices beside the company's name
 * @param agent   the company signs notices as the landlord's agent (SPEC: "if so authorised")
 */
@ConfigurationProperties("arrears.company")
public record Company(String name, String phone, String contact, String email, String address,
        @DefaultValue("true") boolean agent) {

    /** The company as templates read it ({@code ${company.name}}): unset values are empty, never missing. */
    Map<String, Object> model() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", text(name));
        m.put("phone", text(phone));
        m.put("contact", text(contact));
        m.put("email", text(email));
        m.put("address", text(address));
        m.put("agent", agent && !text(name).isBlank());
        return m;
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
