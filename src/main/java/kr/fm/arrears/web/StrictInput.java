package kr.fm.arrears.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.time.LocalDate;
import kr.fm.arrears.shared.Dates;
import kr.fm.arrears.shared.Text;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * SPEC "Bounds" for everything read from JSON and from forms and query parameters: text without
 * control characters (CRLF read as LF), dates between 2000 and 2100. Numbers are strict in
 * application.yml (no fraction or exponent for a whole number, no number given as a string). Every
 * refusal names the field, so it is a 422 problem like any other bad value.
 */
@Configuration(proxyBeanMethods = false)
class StrictInput {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictTextAndDates() {
        SimpleModule module = new SimpleModule("strict-input");
        module.addDeserializer(String.class, new CheckedString());
        module.addDeserializer(LocalDate.class, new CheckedDate());
        // registered last, after Boot's JavaTimeModule, so these deserializers are the ones used
        return builder -> builder.postConfigurer(mapper -> mapper.registerModule(module));
    }

    /** A refusal Jackson reports with the path to the field. */
    static final class OutOfBounds extends InvalidFormatException {
        OutOfBounds(JsonParser p, String message, Object value, Class<?> type) {
            super(p, message, value, type);
        }
    }

    static final class CheckedString extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = Text.normalised(super.deserialize(p, ctxt));
            if (s != null && s.indexOf('\0') >= 0) {
                throw new StrictJson.NulInText(p); // PostgreSQL cannot even store it: a 400, as for other unreadable JSON
            }
            if (Text.hasControlCharacter(s)) {
                throw new OutOfBounds(p, Text.CONTROL_CHARACTER, s, String.class);
            }
            return s;
        }
    }

    /** Not contextual on purpose: a contextual date deserializer would be replaced by a plain one per property. */
    static final class CheckedDate extends StdDeserializer<LocalDate> {
        CheckedDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            LocalDate d = LocalDateDeserializer.INSTANCE.deserialize(p, ctxt);
            if (!Dates.inRange(d)) {
                throw new OutOfBounds(p, Dates.OUT_OF_RANGE, d, LocalDate.class);
            }
            return d;
        }
    }

    /** Forms and query parameters: the same rules, refused as a type mismatch naming the parameter. */
    @ControllerAdvice
    static class Forms {
        @InitBinder
        void strict(WebDataBinder binder) {
            binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    String s = Text.normalised(text);
                    if (Text.hasControlCharacter(s)) {
                        throw new IllegalArgumentException(Text.CONTROL_CHARACTER);
                    }
                    setValue(s);
                }
            });
            binder.registerCustomEditor(LocalDate.class, new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    LocalDate d;
                    try {
                        d = text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
                    } catch (java.time.format.DateTimeParseException e) {
                        throw new IllegalArgumentException("not a real date", e); // a type mismatch naming the parameter
                    }
                    if (!Dates.inRange(d)) {
                        throw new IllegalArgumentException(Dates.OUT_OF_RANGE);
                    }
                    setValue(d);
                }
            });
        }
    }
}
