package kr.fm.arrears.web;

import kr.fm.arrears.shared.Templates;
import org.springframework.boot.autoconfigure.freemarker.FreeMarkerVariablesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pages format amounts and dates with the same won()/kdate() as the messages and notices. */
@Configuration(proxyBeanMethods = false)
class WebConfig {

    @Bean
    FreeMarkerVariablesCustomizer formatting() {
        return variables -> variables.putAll(Templates.functions());
    }
}
