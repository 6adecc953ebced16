package kr.fm.arrears.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;

/** A journey in one headless Chromium for the whole class, started on the service's port and always closed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ChromiumJourney {

    @Value("${local.server.port}") int port;

    Chromium browser;

    @BeforeAll
    void startBrowser() {
        browser = new Chromium(port);
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
