package kr.fm.arrears.demo;

import java.io.IOException;
import java.io.InputStream;
import kr.fm.arrears.imports.LeaseImport;
import kr.fm.arrears.imports.PaymentImport;
import kr.fm.arrears.security.Role;
import kr.fm.arrears.security.Users;
import kr.fm.arrears.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With the {@code demo} profile, an empty database is filled with the example portfolio
 * (docs/examples, packaged as demo/): the same files the README walks through, loaded through the
 * same imports a user would call.
 */
@Component
@Profile("demo")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private final JdbcClient jdbc;
    private final LeaseImport leases;
    private final PaymentImport payments;
    private final Users users;

    DemoData(JdbcClient jdbc, LeaseImport leases, PaymentImport payments, Users users) {
        this.jdbc = jdbc;
        this.users = users;
        this.leases = leases;
        this.payments = payments;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (jdbc.sql("SELECT count(*) FROM lease").query(Long.class).single() > 0) {
            log.info("demo data: the database already has leases, nothing loaded");
            return;
        }
        var l = leases.importFile(read("demo/leases.csv"), "demo/leases.csv", Actor.SYSTEM);
        var p = payments.importFile(read("demo/payments.csv"), "demo/payments.csv", Actor.SYSTEM);
        long landlord = jdbc.sql("SELECT id FROM landlord ORDER BY id LIMIT 1").query(Long.class).single();
        users.create("manager", "manager-demo", Role.MANAGER, null, "김관리", Actor.SYSTEM);
        users.create("landlord", "landlord-demo", Role.LANDLORD, landlord, "한울산업개발", Actor.SYSTEM);
        log.info("demo data loaded: {} leases, {} payments. Accounts: admin/admin-demo (ADMIN), manager/manager-demo "
                + "(MANAGER), landlord/landlord-demo (LANDLORD of 한울산업개발). "
                + "Try: curl -u manager:manager-demo 'http://localhost:8080/api/arrears?asOf=2026-03-31'",
                l.leasesCreated(), p.recorded());
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
