package kr.fm.arrears;

import kr.fm.arrears.tools.Commands;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ArrearsApplication {

    public static void main(String[] args) {
        Commands.run(ArrearsApplication.class, args).ifPresentOrElse(System::exit,
                () -> SpringApplication.run(ArrearsApplication.class, args));
    }
}
