package kr.fm.arrears.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its own chromedriver: both paths are given, so Selenium
 * Manager never tries to download a browser. The background-networking switches keep Chromium
 * from hanging on a closed network. Downloads land in a fresh directory of their own.
 */
final class Chromium implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final String base;

    Chromium(int port) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("the browser tests need Debian's Chromium and its driver at " + CHROMIUM + " and "
                    + CHROMEDRIVER + ": run `apt-get install -y chromium chromium-driver` (as root), or .ci/run");
        }
        try {
            profile = Files.createTempDirectory("arrears-chromium-profile");
            downloads = Files.createTempDirectory("arrears-downloads");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=ko-KR", "--window-size=1280,1000", "--user-data-dir=" + profile);
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        base = "http://localhost:" + port;
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    <T> T until(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    /**
     * Clicks a form's button and waits for the page it leads to: reading right after the click
     * could find the old page's elements (its flash message) as the new page replaces them.
     */
    void submit(String button) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(button).click();
        until(ExpectedConditions.stalenessOf(page));
    }

    void signIn(String user, String password) {
        open("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("#sign-in").click();
        until(ExpectedConditions.presenceOfElementLocated(By.id("signed-in")));
    }

    void signOut() {
        find("#sign-out").click();
        until(ExpectedConditions.urlContains("/login?logout"));
    }

    /** The page as it looks now, saved under docs/screenshots for the documentation. */
    void screenshot(String name) {
        // the embedded Korean font arrives after the page (font-display: swap): without it the shot shows boxes
        until(d -> Boolean.TRUE.equals(driver.executeScript("return document.fonts.status === 'loaded'")));
        try {
            Path target = Path.of("docs/screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Waits for a finished download whose name matches (Chromium writes .crdownload until it is done). */
    Path downloaded(Predicate<String> name) {
        return org.awaitility.Awaitility.await("a download in " + downloads).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    try (Stream<Path> files = Files.list(downloads)) {
                        return files.filter(f -> name.test(f.getFileName().toString()))
                                .filter(f -> !f.getFileName().toString().endsWith(".crdownload")).findFirst();
                    }
                }, java.util.Optional::isPresent).get();
    }

    @Override
    public void close() {
        driver.quit();
        try {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile);
            org.springframework.util.FileSystemUtils.deleteRecursively(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
