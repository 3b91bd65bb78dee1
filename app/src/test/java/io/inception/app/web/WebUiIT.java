package io.inception.app.web;

import io.inception.engine.rollout.HostPhase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.app.approval.GatedPipeline;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageRun;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real browser: Debian's Chromium, headless, driven by Selenium through
 * {@code /usr/bin/chromedriver}. A developer is refused promotion (and may only request it); a release manager
 * watches a rollout's grid change live, approves the request, and finds it in the audit log. Screenshots of
 * every page go to {@code target/web-ui-screenshots/}.
 */
class WebUiIT {
    static final Path SHOTS = Path.of("target", "web-ui-screenshots");

    @TempDir
    static Path home;
    @TempDir
    static Path profile;
    static Inception inception;
    static PipelineDef gated;
    static WebFixture web;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        // an Inception whose executor runs pipelines (the gated one below) over the store the server shows
        inception = Inception.open(new InceptionHome(home.resolve("inception")), null, Clock.systemUTC());
        gated = GatedPipeline.write(home.resolve("config"));
        web = new WebFixture(inception.store(), home);
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (web != null) web.close();
        if (inception != null) inception.close();
    }

    static void open(String path) {
        browser.get(web.server.url() + path);
    }

    static void shot(String name) throws Exception {
        File f = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    static void login(String user, String password) {
        open("/login");
        browser.findElement(By.id("user")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the builds page after logging in as " + user)
                .until(d -> d.findElements(By.id("builds")).size() == 1);
    }

    /** The outcome message of the page a form post led to, once that page has loaded. */
    static String message() {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("a page with an outcome message")
                .until(d -> d.findElements(By.id("message")).stream().findFirst().orElse(null)).getText();
    }

    @Test
    void developerIsRefusedReleaseManagerWatchesTheRolloutApprovesAndFindsItInTheAuditLog() throws Exception {
        login("dave", WebFixture.DAVE_PASSWORD);
        open("/builds/b-1");
        browser.findElement(By.id("promote")).click();
        assertThat(message()).contains("denied", "role developer may not promote");
        shot("developer-promote-refused");
        open("/builds/b-1");
        browser.findElement(By.id("request")).click();
        assertThat(message()).contains("waits for approval");
        browser.findElement(By.id("logout")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the login form after logging out")
                .until(d -> d.findElements(By.id("user")).size() == 1);

        login("rita", WebFixture.RITA_PASSWORD);
        assertThat(browser.findElement(By.id("lag-qe")).getText()).contains("b-2", "3", "over 14 days");
        shot("builds");
        open("/builds/b-2");
        assertThat(browser.findElement(By.id("stream")).getText()).contains("merge", "package", "smoke", "staging");
        shot("build-value-stream");
        open("/runs/r-b-2");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("unit-test", "SUCCEEDED");
        shot("run");

        open("/rollouts/ro-live");
        By host = By.id("host-c1-000");
        assertThat(browser.findElement(host).getAttribute("data-phase")).isEqualTo("PENDING");
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the live feed to connect")
                .until(d -> d.findElement(By.id("live")).getText().equals("live"));
        web.move("c1-000", HostPhase.UPGRADING);
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("host c1-000 to turn UPGRADING in the grid")
                .until(d -> "UPGRADING".equals(d.findElement(host).getAttribute("data-phase")));
        shot("rollout-grid-upgrading");
        web.move("c1-000", HostPhase.DONE);
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("host c1-000 to turn DONE in the grid")
                .until(d -> "DONE".equals(d.findElement(host).getAttribute("data-phase")));
        assertThat(browser.findElement(host).getAttribute("class")).contains("DONE");
        shot("rollout-grid-done");

        open("/promotions");
        web.hold = new java.util.concurrent.CountDownLatch(1);
        browser.findElement(By.cssSelector("button.approve")).click();
        // the approval starts the promotion on the server's worker; its page follows it until it ends
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the promotion's page while its deploy is held")
                .until(d -> d.findElements(By.id("progress")).stream().anyMatch(e -> e.getText().contains("waiting at gate")));
        assertThat(browser.findElement(By.id("promotion-status")).getText()).isEqualTo("RUNNING");
        shot("promotion-running");
        web.hold.countDown();
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage("the promotion's page to show it SUCCEEDED")
                .until(d -> d.findElements(By.id("promotion-status")).stream()
                        .anyMatch(e -> e.getText().equals("SUCCEEDED")));
        assertThat(browser.findElement(By.id("promotion-message")).getText()).contains("staging runs b-1");
        assertThat(browser.findElement(By.id("progress")).getText()).contains("rollout", "smoke: 14 of 14 passed");
        assertThat(web.suites).containsEntry("staging", "b-1");
        shot("promotions-approved");

        open("/audit");
        String audit = browser.findElement(By.id("audit")).getText();
        assertThat(audit).contains("dave", "DENIED", "promotion.request", "rita", "ALLOWED", "b-1 -> staging");
        shot("audit");
    }

    @Test
    void aReleaseManagerApprovesAPipelinesGateOnTheRunPageAndTheRunGoesOnADeveloperSeesNoButton() throws Exception {
        String run = inception.executor().start(gated, Environment.named("local"), RunOptions.defaults().withTarget("local"));
        Waited<StageRun> waiting = WaitStrategy.of(Duration.ofSeconds(30), Duration.ofMillis(100)).poll(
                "the approval stage of " + run + " waiting", () -> inception.store().stages().list(run).stream()
                        .filter(st -> st.status() == ExecutionStatus.RUNNING || st.status() == ExecutionStatus.WAITING)
                        .findFirst());
        assertThat(waiting).as(waiting.toString()).isInstanceOf(Waited.Reached.class);

        login("dave", WebFixture.DAVE_PASSWORD);
        open("/runs/" + run);
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("go-ahead", "waiting for approval");
        assertThat(browser.findElements(By.id("approve-go-ahead"))).as("a developer gets no Approve button").isEmpty();
        assertThat(browser.findElements(By.id("reject-go-ahead"))).isEmpty();
        shot("run-gate-developer");

        login("rita", WebFixture.RITA_PASSWORD);
        open("/runs/" + run);
        browser.findElement(By.id("comment-go-ahead")).sendKeys("smoke green on qe");
        shot("run-gate-release-manager");
        browser.findElement(By.id("approve-go-ahead")).click();
        assertThat(message()).contains("approved " + run + "/go-ahead as rita");
        assertThat(inception.executor().awaitCompletion(run, Duration.ofSeconds(30)).status())
                .isEqualTo(ExecutionStatus.SUCCEEDED);
        open("/runs/" + run);
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("SUCCEEDED");
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("approved by rita", "smoke green on qe");
        assertThat(browser.findElements(By.id("approve-go-ahead"))).as("a decided gate has no buttons").isEmpty();
        shot("run-gate-approved");
    }
}
