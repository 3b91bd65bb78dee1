package io.inception.engine.executor;

import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A resumable stage as the SPI intends: one step per call, each step's side effect (a line appended
 * to a file) followed by a checkpoint, then Running so the executor polls it again. With
 * {@code hangAfterStep} it hangs right after that step's checkpoint, where a test kills it.
 */
final class StepStage implements Stage {
    private final String type;
    private final Path sideEffects;
    private final int steps;
    private final int hangAfterStep;
    final CountDownLatch hanging = new CountDownLatch(1);

    StepStage(String type, Path sideEffects, int steps, int hangAfterStep) {
        this.type = type;
        this.sideEffects = sideEffects;
        this.steps = steps;
        this.hangAfterStep = hangAfterStep;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public StageResult execute(StageContext ctx) throws Exception {
        int done = ctx.checkpoints().get("step").map(Integer::parseInt).orElse(0);
        if (done >= steps) return StageResult.succeeded(steps + " steps done");
        int next = done + 1;
        append(ctx.stage().name() + " " + next);
        ctx.checkpoints().put("step", String.valueOf(next));
        ctx.log().info("step " + next + " of " + steps + " done");
        if (next == hangAfterStep) {
            hanging.countDown();
            new CountDownLatch(1).await(); // hangs until the process is killed or the stage interrupted
        }
        return next >= steps ? StageResult.succeeded(steps + " steps done")
                : StageResult.running(Duration.ofMillis(10), "step " + next + " of " + steps);
    }

    private synchronized void append(String line) throws IOException {
        Files.writeString(sideEffects, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.SYNC);
    }

    static List<String> sideEffects(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }
}
