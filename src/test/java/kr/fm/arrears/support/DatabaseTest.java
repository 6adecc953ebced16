package kr.fm.arrears.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Only the database: the real PostgreSQL database of the test class (its own, copied from the migrated template) and a
 * {@code JdbcClient}, without the web server or the service's beans (import the few a test needs). Much
 * cheaper to start than a {@link ServiceTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// as in the service, what a test writes commits: no test transaction rolled back behind its back
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ActiveProfiles("test")
public @interface DatabaseTest {}
