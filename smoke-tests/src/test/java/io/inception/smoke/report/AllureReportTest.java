package io.inception.smoke.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.fixtures.Sandboxless;
import io.inception.smoke.fixtures.ScriptedSmoke;
import io.inception.smoke.run.SmokeReport;
import io.inception.smoke.run.SmokeSuite;
import io.inception.smoke.stage.SmokeReports;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class AllureReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void reset() {
        ScriptedSmoke.RUNS.set(0);
    }

    private SmokeReport run(String folder) {
        return SmokeSuite.of(List.of(ScriptedSmoke.class))
                .run(Sandboxless.environment(dir), SmokeSettings.DEFAULT, dir.resolve(folder));
    }

    @Test
    void theHtmlReportHasTheTestsTheirStatusesAndTheFlakyOne() throws IOException {
        SmokeReport report = run("run-1");

        Path index = SmokeReports.generate(report, "r-1", new SmokeHistory(dir.resolve("history")));

        Path html = index.getParent();
        assertThat(Files.readString(index)).contains("<div id=\"content\">", "app.js");
        assertThat(html.resolve("app.js")).isNotEmptyFile();
        JsonNode summary = JSON.readTree(html.resolve("widgets/summary.json").toFile());
        assertThat(summary.path("reportName").asText()).isEqualTo("Smoke sandbox — r-1");
        assertThat(Files.readString(html.resolve("widgets/executors.json"))).contains("run r-1 on sandbox");
        assertThat(summary.path("statistic").path("passed").asInt()).isEqualTo(2);
        assertThat(summary.path("statistic").path("failed").asInt()).isEqualTo(1);
        String cases = readAll(html.resolve("data/test-cases"));
        assertThat(cases).contains("passesWithAStep(DeployedEnvironment)", "failsOnlyTheFirstTime()", "alwaysFails()",
                "c1-002: nova-compute is down", "\"flaky\":true");
        assertThat(Files.readString(html.resolve("data/suites.json"))).contains("io.inception.smoke.fixtures.ScriptedSmoke");
        assertThat(Files.readString(html.resolve("widgets/environment.json"))).contains("nova-compute 2.0-1")
                .doesNotContain("s3cret-pw");
        assertThat(readAll(html.resolve("data/attachments"))).contains("nova-compute: cannot connect to the conductor");
    }

    @Test
    void historyIsCarriedFromOneRunToTheNext() throws IOException {
        SmokeHistory history = new SmokeHistory(dir.resolve("history"));
        Path first = SmokeReports.generate(run("run-1"), "r-1", history).getParent();
        ScriptedSmoke.RUNS.set(0);
        Path second = SmokeReports.generate(run("run-2"), "r-2", history).getParent();

        assertThat(JSON.readTree(first.resolve("widgets/history-trend.json").toFile())).hasSize(1);
        JsonNode trend = JSON.readTree(second.resolve("widgets/history-trend.json").toFile());
        assertThat(trend).hasSize(2);
        assertThat(trend.get(1).path("data").path("passed").asInt()).isEqualTo(2);
        JsonNode items = JSON.readTree(second.resolve("history/history.json").toFile());
        assertThat(items.size()).isEqualTo(3);
        items.forEach(test -> assertThat(test.path("items")).hasSize(2));
        assertThat(history.of("sandbox").resolve("history.json")).hasSameTextualContentAs(second.resolve("history/history.json"));
    }

    private static String readAll(Path folder) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) all.append(Files.readString(f)).append('\n');
        }
        return all.toString();
    }
}
