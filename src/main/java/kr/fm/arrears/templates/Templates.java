package kr.fm.arrears.templates;

import kr.fm.arrears.shared.Won;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.utility.DeepUnwrap;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The message and notice templates (FreeMarker). They are read from the {@code templates/}
 * directory when it exists (so an operator can adjust wording without a build), else from the copy
 * packaged in the jar. Every template can call {@code won(amount)} → "3,300,000원" and
 * {@code kdate(date)} → "2026년 3월 31일"; and {@code company} is the management company ({@link Company}).
 */
@Component
public class Templates {

    private final Configuration freemarker;

    public Templates(@Value("${arrears.templates.dir:templates}") String dir, Company company) {
        List<TemplateLoader> loaders = new ArrayList<>();
        File directory = new File(dir);
        if (directory.isDirectory()) {
            try {
                loaders.add(new FileTemplateLoader(directory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        loaders.add(new ClassTemplateLoader(Templates.class, "/arrears-templates"));
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocale(Locale.KOREA);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setRecognizeStandardFileExtensions(true); // .ftlh escapes HTML, .ftl does not
        try {
            freemarker.setSharedVariables(functions());
            freemarker.setSharedVariable("company", company.model());
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code won(amount)}, {@code kdate(date)} and {@code months(n)} ("11.00" → "11", "1.50" → "1.5", so a
     * letter says "11개월분"): the same formatting in messages, notices and the pages.
     */
    public static Map<String, Object> functions() {
        return Map.of(
                "won", (TemplateMethodModelEx) args -> Won.format(((TemplateNumberModel) args.get(0)).getAsNumber().longValue()),
                "kdate", (TemplateMethodModelEx) args -> Won.date(toDate(args.get(0))),
                "months", (TemplateMethodModelEx) args -> months(((TemplateNumberModel) args.get(0)).getAsNumber()));
    }

    /** A number of months as a person writes it: at most two decimals, rounded down, no trailing zeros. */
    public static String months(Number n) {
        java.math.BigDecimal value = n instanceof java.math.BigDecimal d ? d : new java.math.BigDecimal(n.toString());
        return value.setScale(2, java.math.RoundingMode.FLOOR).stripTrailingZeros().toPlainString();
    }

    /** Renders {@code name} (e.g. "messages/reminder-1.sms.ftl") with the model. */
    public String render(String name, Map<String, ?> model) {
        try {
            Template template = freemarker.getTemplate(name);
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " cannot be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A custom attribute from the template's {@code <#ftl attributes={"code": "..."}>} header, e.g. the
     * registered AlimTalk template code, so the code lives beside the text Kakao approved.
     */
    public java.util.Optional<String> attribute(String name, String key) {
        try {
            Object value = freemarker.getTemplate(name).getCustomAttribute(key);
            return java.util.Optional.ofNullable(value).map(Object::toString);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " cannot be read", e);
        }
    }

    /** A template directory's file as it is, not interpreted (e.g. an AlimTalk text as Kakao registered it). */
    public String text(String name) {
        try {
            Object source = freemarker.getTemplateLoader().findTemplateSource(name);
            if (source == null) {
                throw new IllegalStateException("template " + name + " does not exist");
            }
            try (java.io.Reader reader = freemarker.getTemplateLoader().getReader(source, "UTF-8")) {
                StringWriter out = new StringWriter();
                reader.transferTo(out);
                return out.toString();
            } finally {
                freemarker.getTemplateLoader().closeTemplateSource(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " cannot be read", e);
        }
    }

    public boolean exists(String name) {
        try {
            return freemarker.getTemplateLoader().findTemplateSource(name) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static LocalDate toDate(Object arg) throws TemplateModelException {
        Object value = arg instanceof freemarker.template.TemplateModel m ? DeepUnwrap.unwrap(m) : arg;
        return value instanceof LocalDate d ? d : LocalDate.parse(value.toString());
    }
}
