package io.inception.smoke.stage;

import io.inception.engine.store.EngineJson;
import io.inception.smoke.report.SmokeRunFolders;
import io.inception.smoke.report.SmokeHistory;
import io.inception.smoke.run.SmokeReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a run's smoke results and report live, and making the report with the environment's history. */
public final class SmokeReports {
    private SmokeReports() {
    }

    /**
     * Makes the HTML report next to the results ({@code allure-report/}) with the environment's latest
     * history, and keeps its history as the environment's latest. Returns the report's index.html.
     */
    public static Path generate(SmokeReport report, String runId, SmokeHistory history) {
        Path results = Path.of(report.allureResults());
        history.carryInto(report.environment(), results);
        AllureExecutor.write(results, runId, report);
        Path index = SmokeRunFolders.report(results.getParent(), "Smoke " + report.environment() + " — " + runId, runId);
        history.keepFrom(report.environment(), index.getParent());
        return index;
    }

    /** Writes the report as JSON into {@code folder} and returns the file. */
    static Path writeJson(SmokeReport report, Path folder) throws IOException {
        Path file = folder.resolve("smoke-report.json");
        Files.writeString(file, EngineJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        return file;
    }
}
