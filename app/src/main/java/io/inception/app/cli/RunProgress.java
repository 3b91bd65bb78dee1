package io.inception.app.cli;

import io.inception.engine.executor.Executor;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.store.RunDetails;
import io.inception.engine.store.Store;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Follows a run on a terminal: one line when a stage starts and one when it ends, with its
 * duration and summary, like a CI job log.
 */
public final class RunProgress {
    private final Store store;
    private final PrintStream out;
    private final Map<String, ExecutionStatus> seen = new HashMap<>();

    public RunProgress(Store store, PrintStream out) {
        this.store = store;
        this.out = out;
    }

    /** Waits for the run to complete (up to {@code timeout}), printing stage transitions. */
    public Run follow(Executor executor, String runId, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                Run run = executor.awaitCompletion(runId, Duration.ofMillis(250));
                print(runId);
                return run;
            } catch (TimeoutException tick) {
                print(runId);
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("run " + runId + " did not finish within " + timeout.toSeconds()
                            + " s; it goes on: `inception runs show " + runId + "`");
                }
            }
        }
    }

    private void print(String runId) {
        RunDetails details = store.details(runId).orElse(null);
        if (details == null) return;
        List<StageRun> stages = details.stages();
        for (StageRun s : stages) {
            ExecutionStatus before = seen.get(s.name());
            if (before == s.status()) continue;
            seen.put(s.name(), s.status());
            String position = "[" + (s.index() + 1) + "/" + stages.size() + "]";
            if (s.status() == ExecutionStatus.RUNNING || s.status() == ExecutionStatus.WAITING) {
                if (before == null || before == ExecutionStatus.NOT_STARTED) {
                    out.printf("%s %-12s running%s%n", position, s.name(), s.attempt() > 1 ? " (attempt " + s.attempt() + ")" : "");
                }
            } else if (s.status().isComplete()) {
                out.printf("%s %-12s %-9s%s%s%n", position, s.name(), s.status(),
                        RunReport.duration(s.startedAt(), s.finishedAt()), s.message() == null ? "" : "  " + s.message());
            }
        }
        out.flush();
    }
}
