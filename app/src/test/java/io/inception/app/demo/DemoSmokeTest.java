package io.inception.app.demo;

import io.inception.app.cli.ReportCommand;
import io.inception.engine.model.Build;
import io.inception.engine.store.Store;
import io.inception.smoke.stage.SmokeGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's smoke step, and {@code inception report} on what it wrote. */
class DemoSmokeTest {
    @TempDir
    Path home;

    @Test
    void theDemoRunsTheSuiteAgainstTheSandboxStoresItWithTheBuildAndTheReportCommandRegeneratesIt() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Path folder = home.resolve("runs/r-demo/smoke");
        DemoSmoke.Result result;
        try (Store store = Store.openDefault(home)) {
            store.builds().save(new Build("b-1", null, List.of(), "abc", Instant.parse("2026-11-27T05:00:00Z")));
            result = DemoSmoke.run(folder, "r-demo", "2.0-1", store.builds(), "b-1", home, Clock.systemUTC(),
                    new PrintStream(printed, true));
            assertThat(SmokeGate.decide(store.builds(), "b-1", "sandbox").open()).isTrue();
        }

        assertThat(result.passed()).isTrue();
        assertThat(result.report().flaky()).extracting(t -> t.id()).containsExactly("ServerLifecycleSmoke#bootsAndDeletesAServer");
        assertThat(result.reportIndex()).isEqualTo(folder.resolve("allure-report/index.html"));
        assertThat(printed.toString()).contains("smoke sandbox [smoke] passed: 7 tests: 7 passed, 0 failed, 0 skipped, 1 flaky",
                "flaky (passed on retry): ServerLifecycleSmoke#bootsAndDeletesAServer",
                "Allure report: " + result.reportIndex().toUri());

        Files.delete(result.reportIndex());
        StringWriter out = new StringWriter();
        CommandLine report = new CommandLine(new ReportCommand());
        report.setOut(new PrintWriter(out));
        assertThat(report.execute("--home", home.toString(), "r-demo")).isZero();
        assertThat(out.toString().strip()).isEqualTo("Allure report of smoke: " + result.reportIndex().toUri());
        assertThat(result.reportIndex()).isNotEmptyFile();
        assertThat(Files.readString(folder.resolve("allure-report/data/suites.json"))).contains("KeystoneSmoke", "ComputeHostsSmoke");
    }

    @Test
    void aRunWithoutSmokeResultsIsRefused() {
        StringWriter err = new StringWriter();
        CommandLine report = new CommandLine(new ReportCommand());
        report.setErr(new PrintWriter(err));

        assertThat(report.execute("--home", home.toString(), "r-none")).isEqualTo(1);
        assertThat(err.toString()).contains("run r-none has no smoke results: no " + home.resolve("runs/r-none")
                + "/<stage>/allure-results (did the run have a smoke stage?)");
    }
}
