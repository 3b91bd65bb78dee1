package io.inception.engine.executor;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.Run;
import io.inception.engine.store.LogLine;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resume after {@code kill -9}, for real: a child JVM runs a pipeline on the H2 file store and is
 * SIGKILLed while its second stage hangs after a checkpoint; this JVM then does what a restarted
 * {@code inception server} does and the run completes without repeating finished work.
 */
class ResumeAfterKillIT {
    @TempDir
    Path home;

    @Test
    void aRunKilledMidStageIsResumedFromItsCheckpointsWithoutRepeatingFinishedWork() throws Exception {
        Path effects = home.resolve("side-effects.txt");
        Path childLog = home.resolve("child.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                KillableRunMain.class.getName(), home.toString(), effects.toString())
                .redirectErrorStream(true).redirectOutput(childLog.toFile()).start();
        String runId;
        try {
            // the parent reads the child's database through H2's auto-server while the child runs
            try (Store watching = Store.openDefault(home)) {
                runId = await(() -> watching.runs().list().stream().findFirst().map(Run::id), child, childLog,
                        "the child's run");
                String id = runId;
                await(() -> watching.checkpoints().get(id, "work", "step").filter("3"::equals), child, childLog,
                        "checkpoint step=3 of stage 'work'");
            }
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no clean close of the database
        }
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        assertThat(StepStage.sideEffects(effects)).containsExactly("prepare 1", "work 1", "work 2", "work 3");

        try (Store store = Store.openDefault(home);
             Executor restarted = Executor.withStages(new StepStage("prepare", effects, 1, 0),
                     new StepStage("work", effects, 5, 0), new StepStage("finish", effects, 1, 0)).open(store, home)) {
            assertThat(store.runs().find(runId).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
            assertThat(store.stages().find(runId, "work").orElseThrow().status()).isIn(ExecutionStatus.RUNNING);

            assertThat(restarted.resumeInterrupted()).containsExactly(runId);
            Run run = restarted.awaitCompletion(runId, Duration.ofSeconds(60));

            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(StepStage.sideEffects(effects)).as("each side effect exactly once").containsExactly(
                    "prepare 1", "work 1", "work 2", "work 3", "work 4", "work 5", "finish 1");
            assertThat(store.logs().list(runId, "work")).extracting(LogLine::message)
                    .contains("resumed after an interruption: attempt 1 continues with 1 checkpoint(s)");
            assertThat(store.stages().list(runId)).allSatisfy(s -> assertThat(s.status())
                    .isEqualTo(ExecutionStatus.SUCCEEDED));
            assertThat(store.locks().heldBy(runId)).isEmpty();
        }
    }

    /** Polls {@code probe} until it has a value; fails with the child's output if it dies or time runs out. */
    private static <T> T await(Supplier<Optional<T>> probe, Process child, Path childLog, String what)
            throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = probe.get();
            if (value.isPresent()) return value.get();
            if (!child.isAlive()) {
                throw new AssertionError("child JVM exited with " + child.exitValue() + " before " + what + ":\n"
                        + tail(childLog));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " not seen within 60 s; child output:\n" + tail(childLog));
    }

    private static String tail(Path log) throws Exception {
        if (!Files.exists(log)) return "(no output)";
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
