package kr.fm.arrears.web;

import freemarker.core.Environment;
import freemarker.template.SimpleHash;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.view.freemarker.FreeMarkerView;
import org.springframework.web.servlet.view.freemarker.FreeMarkerViewResolver;

/**
 * A page is rendered whole, then written once. FreeMarker writes each piece of text and each value
 * as it goes, and every one of those small writes crossed the security wrapper's length tracking and
 * Tomcat's character encoder: a sixth of a landlord's board. Written whole, and encoded in one go, a
 * template that fails half-way also leaves no half page sent.
 */
public class WholePageView extends FreeMarkerView {

    @Override
    protected void processTemplate(Template template, SimpleHash model, HttpServletResponse response)
            throws IOException, TemplateException {
        StringWriter page = new StringWriter(32 * 1024);
        Environment env = template.createProcessingEnvironment(model, page);
        // as Spring's own view does: ?url in the templates encodes in the response's charset
        env.setOutputEncoding(response.getCharacterEncoding());
        env.process();
        // encoded at once: Tomcat's writer encodes a character at a time, half a 60 KB Korean page's cost
        byte[] bytes = page.toString().getBytes(java.nio.charset.Charset.forName(response.getCharacterEncoding()));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    @Configuration(proxyBeanMethods = false)
    static class Rendering {

        /** Boot's resolver keeps its settings (suffix, request attributes); only the view class changes. */
        @Bean
        static BeanPostProcessor wholePages() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String name) {
                    if (bean instanceof FreeMarkerViewResolver resolver) {
                        resolver.setViewClass(WholePageView.class);
                    }
                    return bean;
                }
            };
        }
    }
}
