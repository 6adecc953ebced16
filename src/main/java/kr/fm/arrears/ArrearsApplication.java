package kr.fm.arrears;

import kr.fm.arrears.audit.AuditVerifyCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ArrearsApplication {

    public static void main(String[] args) {
        if (AuditVerifyCommand.isRequested(args)) {
            System.exit(AuditVerifyCommand.run(ArrearsApplication.class, args));
        }
        SpringApplication.run(ArrearsApplication.class, args);
    }
}
