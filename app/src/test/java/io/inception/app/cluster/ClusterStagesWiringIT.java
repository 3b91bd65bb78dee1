package io.inception.app.cluster;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.WorkQueue;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import io.inception.engine.store.LocalPostgres;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception server --cluster}: the server's executor hands the stages of its runs to the cluster. */
class ClusterStagesWiringIT {
    @TempDir
    Path tmp;

    @Test
    void aClusterNodeClaimsTheStageOfARunItsServerStartedAndRunsTheServersSweeps() throws Exception {
        String url = LocalPostgres.shared().newDatabase("app_cluster_stages");
        ClusterOptionsTest.Probe probe = new ClusterOptionsTest.Probe();
        new CommandLine(probe).parseArgs("--cluster", "--node-id", "orch-it", "--heartbeat", "1");
        java.util.concurrent.atomic.AtomicInteger watched = new java.util.concurrent.atomic.AtomicInteger();
        probe.cluster.alsoSweep(new io.inception.cluster.Sweep("control-plane-watch", Duration.ofMillis(300),
                watched::incrementAndGet));
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), url, Clock.systemUTC())) {
            ClusterNode node = probe.cluster.start(inception, tmp.toString(), "HEAD", ClusterOptionsTest.noTriggers(inception))
                    .orElseThrow();
            try {
                PipelineDef gated = new PipelineDef("gated", List.of(new StageDef("gate", "approval", Map.of(), null,
                        RetryPolicy.NONE, "test")), "file:///environments", "c0ffee", "pipelines/gated.yaml");
                String id = inception.executor().start(gated, new Environment("qe", "QE", "environments/qe.yaml@c0ffee"),
                        RunOptions.defaults());
                WorkQueue queue = new WorkQueue(ClusterDatabase.dataSource(url), Clock.systemUTC());

                Waited<Boolean> claimed = WaitStrategy.of(Duration.ofSeconds(60), Duration.ofMillis(100)).poll(
                        "stage 'gate' of run " + id + " executed by orch-it, then parked in the queue awaiting approval",
                        () -> queue.items().stream().anyMatch(c -> c.kind().equals("stage") && c.id().equals(id + "/0")
                                && (c.claimedBy().isEmpty() || c.claimedBy().equals(Optional.of("orch-it"))))
                                && inception.store().stages().find(id, "gate").orElseThrow().status() == ExecutionStatus.WAITING
                                ? Optional.of(true) : Optional.empty(),
                        () -> queue.items().toString());
                if (claimed instanceof Waited.TimedOut<Boolean> timedOut) throw new AssertionError(timedOut.message());
                assertThat(inception.store().runs().find(id).orElseThrow().status()).isEqualTo(ExecutionStatus.RUNNING);
                Waited<Integer> swept = WaitStrategy.of(Duration.ofSeconds(30), Duration.ofMillis(100)).poll(
                        "the server's own sweep (the control-plane watcher) run by the node",
                        () -> watched.get() > 0 ? Optional.of(watched.get()) : Optional.empty(), () -> "not run yet");
                if (swept instanceof Waited.TimedOut<Integer> timedOut) throw new AssertionError(timedOut.message());
            } finally {
                node.close();
            }
        }
    }
}
