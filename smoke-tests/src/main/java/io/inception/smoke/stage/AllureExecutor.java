package io.inception.smoke.stage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inception.engine.store.EngineJson;
import io.inception.smoke.run.SmokeReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The report's "Executors" widget and trend labels ({@code executor.json}): which Inception run made it. */
final class AllureExecutor {
    private AllureExecutor() {
    }

    static void write(Path results, String runId, SmokeReport report) {
        ObjectNode executor = EngineJson.mapper().createObjectNode()
                .put("name", "Inception").put("type", "inception")
                .put("buildName", "run " + runId + " on " + report.environment())
                .put("buildOrder", report.startedAt().toEpochMilli())
                .put("reportName", "Smoke " + report.environment());
        try {
            EngineJson.mapper().writeValue(results.resolve("executor.json").toFile(), executor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + results.resolve("executor.json"), e);
        }
    }
}
