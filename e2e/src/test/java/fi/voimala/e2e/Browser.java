package fi.voimala.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the e2e tests: Debian's Chromium, headless, driven by Selenium through Debian's chromedriver (no
 * driver download: the machine's network is closed), with a profile of its own. It logs in through Keycloak's own
 * login pages, as a person does, saves screenshots under {@code e2e/target/screenshots/} and runs axe-core on a page.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = RunningPlatform.root().resolve("e2e/target/screenshots");
    static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final Path profile;

    Browser() {
        try {
            profile = Files.createTempDirectory("voimala-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("voimala.chromium", "/usr/bin/chromium"));
        // The flags a closed network and a root user need: no sandbox (root), nothing fetched in the background.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fi-FI", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("voimala.chromedriver", "/usr/bin/chromedriver")))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
    }

    /** Opens the gateway's sign-in, gives Keycloak the user name, then the password, and waits to be back. */
    void logIn(String user, String password) {
        driver.get(RunningPlatform.GATEWAY + "/login");
        waitFor(By.id("username")).sendKeys(user);
        // With organizations on, Keycloak asks for the user name first, then for the password.
        driver.findElement(By.id("kc-login")).click();
        waitFor(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.urlContains("localhost:8080"));
    }

    void open(String path) {
        driver.get(RunningPlatform.GATEWAY + path);
    }

    WebElement waitFor(By what) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(what));
    }

    /**
     * Clicks what the page shows at {@code what} once it is clickable; again if the page redrew it in between (the
     * pages complete themselves as their data arrives, so an element found may be replaced before the click).
     */
    void click(By what) {
        for (int attempt = 1; ; attempt++) {
            try {
                new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(what)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                if (attempt == 5) {
                    throw redrawn;
                }
            }
        }
    }

    void waitUntilText(By what, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(what, text));
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** axe-core on the page as it is now, against WCAG 2.1 A and AA: no serious or critical violation. */
    void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> grave = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())).toList();
        assertEquals(List.of(), grave.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                + " at " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .toList(), "axe-core on " + page);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
