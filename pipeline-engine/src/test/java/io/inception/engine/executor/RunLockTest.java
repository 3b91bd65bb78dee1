package io.inception.engine.executor;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.Store;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.inception.engine.executor.Pipelines.pipeline;
import static io.inception.engine.executor.Pipelines.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two runs of one pipeline on one target never overlap: refuse, wait, take over stale locks. */
class RunLockTest extends ExecutorTestBase {
    private static final PipelineDef DEPLOY = pipeline("deploy", stage("roll", "gate"));
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final TestStage gate = TestStage.of("gate", ctx -> {
        entered.countDown();
        release.await();
        return StageResult.succeeded("rolled");
    });

    @Test
    void aSecondRunOnTheSameTargetIsRefusedNamingTheRunThatHoldsIt() throws Exception {
        Executor executor = executor(gate);
        String first = executor.start(DEPLOY, QE, RunOptions.defaults());
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> executor.start(DEPLOY, QE, RunOptions.defaults()))
                .isInstanceOf(RunLockedException.class)
                .hasMessageStartingWith("pipeline 'deploy' on target 'qe' is locked by run " + first + " (pid ")
                .satisfies(e -> assertThat(((RunLockedException) e).holderRunId()).isEqualTo(first));
        assertThat(store.runs().list()).extracting(Run::id).containsExactly(first);

        String otherTarget = executor.start(DEPLOY, QE, RunOptions.defaults().withTarget("staging"));
        String otherPipeline = executor.start(pipeline("lab", stage("roll", "gate")), QE, RunOptions.defaults());
        release.countDown();
        for (String id : List.of(first, otherTarget, otherPipeline)) {
            assertThat(executor.awaitCompletion(id, WAIT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        }
    }

    @Test
    void aSecondRunThatWaitsStartsWhenTheFirstEndsOrGivesUpAfterItsWait() throws Exception {
        Executor executor = executor(gate);
        String first = executor.start(DEPLOY, QE, RunOptions.defaults());
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> executor.start(DEPLOY, QE, RunOptions.defaults().withLockWait(Duration.ofMillis(300))))
                .isInstanceOf(RunLockedException.class)
                .hasMessageContaining("locked by run " + first)
                .hasMessageContaining("after waiting");

        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<String> second = caller.submit(() ->
                    executor.start(DEPLOY, QE, RunOptions.defaults().withLockWait(Duration.ofSeconds(30))));
            release.countDown();
            String secondId = second.get(30, TimeUnit.SECONDS);
            Run firstRun = executor.awaitCompletion(first, WAIT);
            Run secondRun = executor.awaitCompletion(secondId, WAIT);
            assertThat(secondRun.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(secondRun.startedAt()).isAfterOrEqualTo(firstRun.finishedAt());
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void manyConcurrentRequestsForOneTargetRunOneAtATime() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        TestStage counting = TestStage.of("count", ctx -> {
            int polls = Integer.parseInt(ctx.checkpoints().get("polls").orElse("0"));
            if (polls == 0) mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            if (polls < 3) {
                ctx.checkpoints().put("polls", String.valueOf(polls + 1));
                return StageResult.running(Duration.ofMillis(5), "poll " + polls);
            }
            inside.decrementAndGet();
            return StageResult.succeeded("done");
        });
        Executor executor = executor(counting);
        PipelineDef pipeline = pipeline("deploy", stage("roll", "count"));
        int n = 6;
        ExecutorService callers = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Run> request = () -> {
                    go.await();
                    String id = executor.start(pipeline, QE, RunOptions.defaults().withLockWait(Duration.ofSeconds(60)));
                    return executor.awaitCompletion(id, Duration.ofSeconds(60));
                };
                runs.add(callers.submit(request));
            }
            go.countDown();
            for (Future<Run> run : runs) {
                assertThat(run.get(90, TimeUnit.SECONDS).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(counting.calls).hasValue(4 * n);
        assertThat(mostInside).as("runs inside the stage at the same time").hasValue(1);
    }

    @Test
    void aLockWhoseHeartbeatStoppedIsTakenOverAndAFreshOneIsNot() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-27T03:00:00Z"));
        try (Store clocked = Store.open(storeUrl(), null, null, clock);
             Executor executor = Executor.withStages(TestStage.of("gate", ctx -> StageResult.succeeded("ok")))
                     .withLockHeartbeat(Duration.ofSeconds(10), Duration.ofSeconds(30)).open(clocked, home)) {
            clocked.locks().tryInsert("deploy", "qe", "r-elsewhere", "exec-remote", 4242, "another-host");

            assertThatThrownBy(() -> executor.start(DEPLOY, QE, RunOptions.defaults()))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("locked by run r-elsewhere (pid 4242 on another-host, heartbeat 0 s ago)");

            clock.advance(Duration.ofSeconds(31));
            String id = executor.start(DEPLOY, QE, RunOptions.defaults());
            assertThat(executor.awaitCompletion(id, WAIT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(clocked.locks().find("deploy", "qe")).isEmpty();
        }
    }

    @Test
    void aLockHeldByAProcessOfThisHostThatIsGoneIsTakenOverAtOnce() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        assertThat(gone.waitFor(20, TimeUnit.SECONDS)).isTrue();
        Executor executor = executor(TestStage.of("gate", ctx -> StageResult.succeeded("ok")));
        // the lock row as a killed process of this host leaves it: fresh heartbeat, pid gone
        String ourHost = Owner.current("probe").host();
        store.locks().tryInsert("deploy", "qe", "r-dead", "exec-dead", gone.pid(), ourHost);

        String id = executor.start(DEPLOY, QE, RunOptions.defaults());
        assertThat(executor.awaitCompletion(id, WAIT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }
}
