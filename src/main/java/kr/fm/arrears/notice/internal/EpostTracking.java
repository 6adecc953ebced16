package kr.fm.arrears.notice.internal;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import kr.fm.arrears.notice.NoticeProperties;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The post office's tracking Open API for registered mail (우정사업본부 국내우편물 종적조회, on the
 * public-data portal): {@code GET {baseUrl}/trace/retrieveLongitudinalService/retrieveLongitudinalService/getLongitudinalDomesticList?ServiceKey=…&rgist=…}
 * answers XML: {@code LongitudinalDomesticListResponse} with the header {@code cmmMsgHeader}
 * (successYN, returnCode, errMsg), the summary ({@code dlvySttus}, {@code dlvyDe}, {@code addrseNm})
 * and one {@code longitudinalDomesticList} per processing event ({@code dlvyDate}, {@code dlvyTime},
 * {@code nowLc}, {@code processSttus}, {@code detailDc}). The portal's own gateway answers key and
 * quota errors as {@code OpenAPI_ServiceResponse}. Where the shape comes from:
 * src/test/resources/providers/epost/README.md.
 * <p>
 * Anything not understood is a {@link Failure}, never a status: the round records the error and
 * the next round asks again.
 */
@Component
public class EpostTracking {

    public static final String PATH = "/trace/retrieveLongitudinalService/retrieveLongitudinalService/getLongitudinalDomesticList";

    /** Reasons the post office gives for a letter it could not deliver (as the issue and SPEC name them). */
    static final List<String> RETURN_REASONS = List.of("수취인부재", "폐문부재", "주소불명", "수취거절", "수취인불명", "이사불명");

    private static final Pattern RECEIVER = Pattern.compile("수령인\\s*[:：]\\s*([^)]+)");

    private final RestClient http;
    private final String baseUrl;
    private final String serviceKey;

    public EpostTracking(NoticeProperties properties, RestClient.Builder builder) {
        NoticeProperties.Tracking tracking = properties.tracking();
        JdkClientHttpRequestFactory factory = HttpRequests.factory(tracking.timeout());
        this.http = builder.clone().requestFactory(factory).build();
        this.baseUrl = tracking.baseUrl().replaceAll("/+$", "");
        this.serviceKey = tracking.serviceKey() == null ? "" : tracking.serviceKey().trim();
    }

    /** Without a service key there is nothing to ask: the tracking job is off. */
    public boolean enabled() {
        return !serviceKey.isEmpty();
    }

    public record Event(LocalDate date, String time, String location, String status, String detail) {}

    public enum Outcome { IN_TRANSIT, DELIVERED, RETURNED }

    /**
     * What the post office knows of one letter. {@code date} is the delivery (or return) date,
     * {@code receiver} who took it, {@code reason} why it came back; null while in transit.
     */
    public record Trace(Outcome outcome, String status, LocalDate date, String receiver, String reason, List<Event> events) {}

    /** The API could not answer, or answered something we cannot read: try again next round. */
    public static class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    public Trace trace(String registeredNo) {
        // the portal hands out the key in an "Encoding" (already %-escaped) and a "Decoding" form: accept both
        String key = serviceKey.contains("%") ? serviceKey : URLEncoder.encode(serviceKey, StandardCharsets.UTF_8);
        try {
            byte[] body = http.get().uri(URI.create(baseUrl + PATH + "?ServiceKey=" + key + "&rgist="
                            + URLEncoder.encode(registeredNo, StandardCharsets.UTF_8)))
                    .exchange((req, res) -> {
                        if (!res.getStatusCode().is2xxSuccessful()) {
                            throw new Failure("종적조회 API가 HTTP " + res.getStatusCode().value() + "로 응답했습니다");
                        }
                        return res.getBody().readAllBytes();
                    });
            return parse(body);
        } catch (ResourceAccessException e) {
            throw new Failure("종적조회 API에 연결하지 못했습니다 (" + rootMessage(e) + ")");
        }
    }

    /** Reads one answer; a pure function of the bytes, so the fixtures test it directly. */
    public static Trace parse(byte[] xml) {
        Element root = document(xml);
        Element header = child(root, "cmmMsgHeader").orElse(null);
        if ("OpenAPI_ServiceResponse".equals(root.getTagName())) {
            // the portal's gateway: key not registered, quota exceeded …
            throw new Failure("공공데이터포털 오류: " + join(text(header, "errMsg"), text(header, "returnAuthMsg"),
                    code(text(header, "returnReasonCode"))));
        }
        if (!"LongitudinalDomesticListResponse".equals(root.getTagName()) || header == null) {
            throw new Failure("알 수 없는 응답입니다 (" + root.getTagName() + ")");
        }
        String returnCode = text(header, "returnCode");
        if (!"Y".equals(text(header, "successYN")) || (!returnCode.isEmpty() && !"00".equals(returnCode))) {
            throw new Failure("종적조회 오류: " + join(text(header, "errMsg"), code(returnCode)));
        }
        List<Event> events = new ArrayList<>();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && "longitudinalDomesticList".equals(e.getTagName())) {
                events.add(new Event(date(text(e, "dlvyDate")), text(e, "dlvyTime"), text(e, "nowLc"),
                        text(e, "processSttus"), text(e, "detailDc")));
            }
        }
        String status = text(root, "dlvySttus");
        LocalDate summaryDate = text(root, "dlvyDe").isEmpty() ? null : date(text(root, "dlvyDe"));
        // a returned letter is at last "delivered" back to the sender: a 반송 event decides first
        Optional<Event> returned = events.stream().filter(e -> squash(e.status()).contains("반송")).reduce((a, b) -> b);
        if (returned.isPresent() || squash(status).contains("반송")) {
            LocalDate on = returned.map(Event::date).orElse(summaryDate);
            if (on == null) {
                throw new Failure("반송으로 답했지만 날짜가 없습니다");
            }
            return new Trace(Outcome.RETURNED, status, on, null, reason(events), events);
        }
        Optional<Event> delivered = events.stream().filter(e -> squash(e.status()).startsWith("배달완료")).reduce((a, b) -> b);
        if (delivered.isPresent() || squash(status).startsWith("배달완료")) {
            LocalDate on = delivered.map(Event::date).orElse(summaryDate);
            if (on == null) {
                throw new Failure("배달완료로 답했지만 배달일이 없습니다");
            }
            String receiver = delivered.map(e -> receiver(e.detail())).orElse(null);
            if (receiver == null && !text(root, "addrseNm").isEmpty()) {
                receiver = text(root, "addrseNm");
            }
            return new Trace(Outcome.DELIVERED, status, on, receiver, null, events);
        }
        String last = status.isEmpty() && !events.isEmpty() ? events.get(events.size() - 1).status() : status;
        return new Trace(Outcome.IN_TRANSIT, last, null, null, null, events);
    }

    /** The post office's reason word if one of the known ones is given, else the latest detail, else 반송. */
    private static String reason(List<Event> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            String said = squash(events.get(i).detail() + events.get(i).status());
            for (String r : RETURN_REASONS) {
                if (said.contains(r)) {
                    return r;
                }
            }
        }
        for (int i = events.size() - 1; i >= 0; i--) {
            if (!events.get(i).detail().isEmpty()) {
                return events.get(i).detail();
            }
        }
        return "반송";
    }

    /** "배달(수령인:홍길동 - 회사동료)" → "홍길동 - 회사동료". */
    static String receiver(String detail) {
        Matcher m = RECEIVER.matcher(detail == null ? "" : detail);
        return m.find() ? m.group(1).trim() : null;
    }

    /** Dates come as 2017-09-13, 2017.09.13 or 2017-09-13 16:26 (dlvyDe): the day is what counts. */
    private static LocalDate date(String text) {
        String day = text.length() >= 10 ? text.substring(0, 10).replace('.', '-') : text;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new Failure("날짜를 읽을 수 없습니다: " + text);
        }
    }

    private static Element document(byte[] xml) {
        if (xml == null || xml.length == 0) {
            throw new Failure("빈 응답입니다");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            // an answer is data: no DTDs, no entities, nothing fetched
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new Failure("XML로 읽을 수 없는 응답입니다");
        }
    }

    private static Optional<Element> child(Element parent, String name) {
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name.equals(e.getTagName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The text of a direct child element, trimmed; "" when absent or empty. */
    private static String text(Element parent, String name) {
        if (parent == null) {
            return "";
        }
        return child(parent, name).map(Node::getTextContent).map(String::strip).orElse("");
    }

    private static String squash(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "");
    }

    private static String code(String code) {
        return code.isEmpty() ? "" : "(코드 " + code + ")";
    }

    private static String join(String... parts) {
        return String.join(" ", java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toList());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
