package io.inception.smoke.run;

import io.inception.engine.wait.Pause;
import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.report.Folders;
import io.inception.smoke.report.SmokeRunFolders;
import io.inception.smoke.suite.SmokeCatalogue;
import io.inception.smoke.suite.SmokeSession;
import io.inception.smoke.suite.SmokeSessions;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import org.junit.jupiter.engine.JupiterTestEngine;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs the smoke tests in this process through the JUnit Platform Launcher:
 * {@code SmokeSuite.standard().run(environment, settings, folder)} selects the tests by the
 * settings' tag expression, runs every failed test again up to {@code retries} times, and writes
 * Allure results ({@code allure-results/}) and JUnit XML ({@code junit/attempt-N/}) under the folder.
 *
 * <p>Allure's step and attachment API is static, so one suite runs at a time in a process; a second
 * run waits for the first.
 */
public final class SmokeSuite {
    /** Sub-folder of a run's folder with the Allure results. */
    public static final String ALLURE_RESULTS = SmokeRunFolders.RESULTS;
    /** Sub-folder of a run's folder with the JUnit XML, one folder per attempt. */
    public static final String JUNIT = "junit";

    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();
    private static final AtomicLong SESSIONS = new AtomicLong();

    private final List<Class<?>> classes;
    private final Clock clock;
    private final Pause pause;
    private final SmokeSession.Timeouts timeouts;
    private final Consumer<String> progress;

    private SmokeSuite(List<Class<?>> classes, Clock clock, Pause pause, SmokeSession.Timeouts timeouts,
                       Consumer<String> progress) {
        this.classes = List.copyOf(classes);
        this.clock = clock;
        this.pause = pause;
        this.timeouts = timeouts;
        this.progress = progress;
    }

    /** The smoke tests this module ships ({@link SmokeCatalogue#CLASSES}). */
    public static SmokeSuite standard() {
        return of(SmokeCatalogue.CLASSES);
    }

    /** A suite of other test classes (they get their session from {@code SmokeContext} too). */
    public static SmokeSuite of(List<Class<?>> classes) {
        return new SmokeSuite(classes, Clock.systemUTC(), Pause.SLEEP, SmokeSession.Timeouts.DEFAULT, line -> { });
    }

    public SmokeSuite withClock(Clock c) {
        return new SmokeSuite(classes, Objects.requireNonNull(c), pause, timeouts, progress);
    }

    /** How the tests' waits pass the time between two looks (default: sleeping). */
    public SmokeSuite withPause(Pause p) {
        return new SmokeSuite(classes, clock, Objects.requireNonNull(p), timeouts, progress);
    }

    public SmokeSuite withTimeouts(SmokeSession.Timeouts t) {
        return new SmokeSuite(classes, clock, pause, Objects.requireNonNull(t), progress);
    }

    /** Receives one line per finished test. */
    public SmokeSuite withProgress(Consumer<String> p) {
        return new SmokeSuite(classes, clock, pause, timeouts, Objects.requireNonNull(p));
    }

    /** Runs the suite against {@code environment} and writes its results under {@code folder}. */
    public SmokeReport run(DeployedEnvironment environment, SmokeSettings settings, Path folder) {
        Path results = folder.resolve(ALLURE_RESULTS);
        Path junit = folder.resolve(JUNIT);
        ONE_AT_A_TIME.lock();
        String key = "smoke-" + SESSIONS.incrementAndGet();
        AllureLifecycle previous = Allure.getLifecycle();
        try (SmokeSession session = new SmokeSession(environment, clock, pause, timeouts)) {
            // a suite run again into its folder (a resumed stage) starts from clean results
            Folders.delete(results);
            Folders.delete(junit);
            Files.createDirectories(results);
            AllureEnvironment.write(results, environment, settings);
            SmokeSessions.register(key, session);
            AllureLifecycle lifecycle = new AllureLifecycle(new FileSystemResultsWriter(results));
            Allure.setLifecycle(lifecycle);
            Instant started = clock.instant();
            Attempts attempts = new Attempts(progress);
            List<DiscoverySelector> selection = classes.stream().map(DiscoverySelectors::selectClass)
                    .map(DiscoverySelector.class::cast).toList();
            execute(request(selection, key, settings.tags()), attempts, lifecycle, junit.resolve("attempt-1"));
            for (int retry = 1; retry <= settings.retries(); retry++) {
                List<String> failing = attempts.failing();
                if (failing.isEmpty()) break;
                progress.accept("retrying " + failing.size() + " failed test" + (failing.size() > 1 ? "s" : ""));
                List<DiscoverySelector> again = failing.stream().map(DiscoverySelectors::selectUniqueId)
                        .map(DiscoverySelector.class::cast).toList();
                execute(request(again, key, null), attempts, lifecycle, junit.resolve("attempt-" + (retry + 1)));
            }
            AllureFlaky.mark(results, attempts.flaky());
            return SmokeReport.of(environment.name(), environment.expectedVersion(), settings.tags(), started,
                    clock.instant(), attempts.outcomes(settings), results.toString(), junit.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the smoke results under " + folder, e);
        } finally {
            Allure.setLifecycle(previous);
            SmokeSessions.remove(key);
            ONE_AT_A_TIME.unlock();
        }
    }

    private static LauncherDiscoveryRequest request(List<DiscoverySelector> selectors, String key, String tags) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                // only what is given here: no junit-platform.properties or -D flags of the host process
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(SmokeSessions.KEY, key)
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false");
        if (tags != null) request.filters(TagFilter.includeTags(tags));
        return request.build();
    }

    private static void execute(LauncherDiscoveryRequest request, Attempts attempts, AllureLifecycle lifecycle, Path junit)
            throws IOException {
        Files.createDirectories(junit);
        // a launcher of our own: Jupiter only, and no listener or filter that happens to be on the class path
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .addTestEngines(new JupiterTestEngine())
                .enableTestExecutionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
        StringWriter xmlErrors = new StringWriter();
        TestExecutionListener xml = new LegacyXmlReportGeneratingListener(junit, new PrintWriter(xmlErrors));
        launcher.execute(request, attempts, new AllureJunitPlatform(lifecycle), xml);
        if (!xmlErrors.toString().isBlank()) throw new IOException("JUnit XML report: " + xmlErrors.toString().strip());
    }
}
