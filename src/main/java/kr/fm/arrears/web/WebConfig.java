package kr.fm.arrears.web;

import kr.fm.arrears.templates.Templates;
import org.springframework.boot.autoconfigure.freemarker.FreeMarkerVariablesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The pages format amounts and dates with the same won()/kdate() as the messages and notices, and
 * may use the notices' embedded Korean font where the device has none (css/app.css names the
 * system fonts first, so a phone with its own Korean font never downloads it).
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/css/fonts/**").addResourceLocations("classpath:/fonts/");
    }

    @Bean
    FreeMarkerVariablesCustomizer formatting() {
        return variables -> variables.putAll(Templates.functions());
    }
}
