package io.inception.cluster.run;

import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A resumable stage as the SPI intends, journaling which node did what: one step per call, each
 * step journaled as {@code "<node> <stage> <step>"} and then checkpointed, {@code Running} between
 * steps so the executor polls it again.
 */
public final class StepsStage implements Stage {
    private final String node;
    private final String type;
    private final int steps;
    private final Duration poll;
    private final Consumer<String> journal;

    public StepsStage(String node, String type, int steps, Duration poll, Consumer<String> journal) {
        this.node = node;
        this.type = type;
        this.steps = steps;
        this.poll = poll;
        this.journal = journal;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public StageResult execute(StageContext ctx) {
        int done = ctx.checkpoints().get("step").map(Integer::parseInt).orElse(0);
        if (done >= steps) return StageResult.succeeded(steps + " steps done");
        int next = done + 1;
        journal.accept(node + " " + ctx.stage().name() + " " + next);
        ctx.checkpoints().put("step", String.valueOf(next));
        return next >= steps ? StageResult.succeeded(steps + " steps done by " + node)
                : StageResult.running(poll, "step " + next + " of " + steps);
    }
}
