package io.inception.cluster.rollout;

import io.inception.cluster.CellRegions;
import io.inception.cluster.Claim;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.WorkQueue;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutDriver;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutTargets;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.StageResult;
import io.inception.engine.unittest.TestStageContext;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Planning by the queued driver is idempotent, including after a death between choosing an id and planning under it. */
class QueuedRolloutDriverTest {
    private static final List<HostTarget> HOSTS = List.of(new HostTarget("a-1", "c1", "127.0.0.1", 22),
            new HostTarget("a-2", "c1", "127.0.0.1", 22), new HostTarget("b-1", "c2", "127.0.0.1", 22));
    private static final StageDef STAGE = new StageDef("roll", "rollout", Map.of(), null, RetryPolicy.NONE, "test");
    private static final RolloutSpec SPEC = RolloutSpec.of("qe", "b-1", "2.0-1", SandboxCells.SOURCE);
    private Store store;
    private WorkQueue queue;
    private QueuedRolloutDriver driver;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:driver-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        store = Store.open(url);
        DataSource ds = ClusterDatabase.dataSource(url);
        queue = new WorkQueue(ds, Clock.systemUTC());
        driver = new QueuedRolloutDriver(store.rollouts(), queue, new CellRegions(ds), Clock.systemUTC(),
                IdGenerator.sequential("new-"), Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aStageThatDiedAfterCheckpointingACellsIdPlansThatCellUnderItAndNothingElse() {
        // what the first call left: c1 planned under ro-a and queued, c2's id ro-b chosen, then kill -9
        TestStageContext context = new TestStageContext("r-7", STAGE, null, null);
        context.checkpointValues.put("cells", "c1,c2");
        context.checkpointValues.put("rollout-id@c1", "ro-a");
        context.checkpointValues.put("rollout-id@c2", "ro-b");
        new RolloutEngine(store.rollouts(), null, new InMemoryDrain(), Clock.systemUTC(), kind -> "ro-a")
                .plan(SPEC, HOSTS.subList(0, 2));
        queue.submit(CellRollouts.firstWave("c1", "ro-a", Optional.of("r-7")));
        AtomicInteger specs = new AtomicInteger();

        RolloutTargets.Fleet fleet = new RolloutTargets.Fleet(HOSTS, null);
        StageResult result = driver.drive(context, fleet, new InMemoryDrain(), () -> {
            specs.incrementAndGet();
            return new RolloutDriver.Plan.Ready(SPEC);
        });

        assertThat(result).isInstanceOf(StageResult.Running.class);
        assertThat(((StageResult.Running) result).progress()).isEqualTo(
                "c1 ro-a: RUNNING 2 hosts: 0 done, 0 rolled back, 0 failed, 0 in flight, 2 pending;"
                        + " c2 ro-b: RUNNING 1 hosts: 0 done, 0 rolled back, 0 failed, 0 in flight, 1 pending");
        assertThat(store.rollouts().list()).extracting(RolloutRecord::id).containsExactlyInAnyOrder("ro-a", "ro-b");
        assertThat(store.rollouts().hosts("ro-b")).extracting(h -> h.host().name()).containsExactly("b-1");
        assertThat(queue.items()).extracting(Claim::zone, Claim::id).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Optional.of("c1"), "ro-a"),
                org.assertj.core.groups.Tuple.tuple(Optional.of("c2"), "ro-b"));
        assertThat(context.checkpointValues).containsEntry("queued", "true");
        assertThat(context.logLines).containsExactly("INFO rollout ro-b of cell c2 planned: 1 hosts, version 2.0-1;"
                + " its waves are queued for zone c2");

        driver.drive(context, fleet, new InMemoryDrain(), () -> {
            specs.incrementAndGet();
            return new RolloutDriver.Plan.Ready(SPEC);
        });
        assertThat(specs).as("the spec is computed once, for the one cell not planned").hasValue(1);
        assertThat(store.rollouts().list()).hasSize(2);
    }

    @Test
    void aCellNameThatCannotBeAZoneFailsTheStageBeforeAnythingIsPlanned() {
        StageResult result = driver.drive(new TestStageContext("r-8", STAGE, null, null),
                new RolloutTargets.Fleet(List.of(new HostTarget("a-1", "cell one", "127.0.0.1", 22)), null),
                new InMemoryDrain(), () -> new RolloutDriver.Plan.Ready(SPEC));
        assertThat(result).isEqualTo(StageResult.Failed.permanent("rollout: cell 'cell one' cannot be a cluster zone:"
                + " use letters, digits, '.', '_' and '-' in cell names"));
        assertThat(store.rollouts().list()).isEmpty();
    }

    @Test
    void nothingIsPlannedOrQueuedWhenThereIsNothingToRollOut() {
        StageResult result = driver.drive(new TestStageContext("r-9", STAGE, null, null), new RolloutTargets.Fleet(HOSTS, null),
                new InMemoryDrain(), () -> new RolloutDriver.Plan.Refused("give 'version' and 'apt-source'"));
        assertThat(result).isEqualTo(StageResult.Failed.permanent("rollout: give 'version' and 'apt-source'"));
        assertThat(store.rollouts().list()).isEmpty();
        assertThat(queue.items()).isEmpty();
    }
}
