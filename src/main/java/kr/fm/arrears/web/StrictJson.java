package kr.fm.arrears.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON that means two things is refused, not guessed at (issue 12): a key given twice (which one
 * would win?) and a NUL character in a string (PostgreSQL cannot store it in text). Both are a 400
 * problem naming what is wrong.
 */
@Configuration(proxyBeanMethods = false)
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseAmbiguousJson() {
        // NUL is refused by StrictInput's text deserializer (the one String deserializer), as NulInText
        return builder -> builder.featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** A NUL in a JSON string; keeps the path Jackson adds on the way out. */
    static final class NulInText extends JsonMappingException {
        NulInText(JsonParser parser) {
            super(parser, "a NUL character (\\u0000) in a text");
        }
    }

    /** What makes the body ambiguous, for the problem's detail; null when it is something else. */
    static String refusal(Throwable e) {
        if (cause(e, NulInText.class) instanceof NulInText nul) {
            String field = nul.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce((a, b) -> a + "." + b).orElse("?");
            return "본문의 " + field + " 값에 NUL 문자(\\u0000)가 있습니다.";
        }
        if (cause(e, StreamReadException.class) instanceof StreamReadException read && read.getOriginalMessage() != null
                && read.getOriginalMessage().startsWith("Duplicate field")) {
            // Jackson's "Duplicate field 'name'": the key, quoted, is what a person needs
            String key = read.getOriginalMessage().replaceFirst("^Duplicate field ", "");
            return "본문에 같은 키가 두 번 있습니다: " + key + ".";
        }
        return null;
    }

    static Throwable cause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
