package io.inception.app.deploy;

import io.inception.engine.fleet.HostTarget;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The smoke stage tests the hosts the run's rollout left DONE, in every cell when the rollout ran per cell. */
class UpgradedHostsTest {
    private static final HostTarget A1 = new HostTarget("a-1", "c1", "127.0.0.1", 22);
    private static final HostTarget A2 = new HostTarget("a-2", "c1", "127.0.0.1", 22);
    private static final HostTarget B1 = new HostTarget("b-1", "c2", "127.0.0.1", 22);

    @Test
    void everyCellsRolloutCountsAndHostsNotDoneAreLeftOutAndSaid() {
        try (Store store = Store.open("jdbc:h2:mem:upgraded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            RolloutSpec spec = RolloutSpec.of("qe", "b-1", "2.0-1", "deb http://repo.invalid/builds/b-1 stable main");
            plan(store, "ro-1", spec, List.of(A1, A2));
            plan(store, "ro-2", spec, List.of(B1));
            done(store, "ro-1", "a-1");
            done(store, "ro-2", "b-1");
            Map<String, RolloutSummary> byCell = new LinkedHashMap<>();
            for (String[] cell : new String[][]{{"c1", "ro-1"}, {"c2", "ro-2"}}) {
                byCell.put(cell[0], RolloutSummary.of(store.rollouts().find(cell[1]).orElseThrow(), store.rollouts().hosts(cell[1])));
            }
            List<String> log = new ArrayList<>();

            List<HostTarget> hosts = RunDeployedEnvironments.upgradedHosts(Optional.of(RolloutSummary.ofCells(byCell)),
                    store.rollouts(), List.of(A1, A2, B1), log::add);

            assertThat(hosts).containsExactly(A1, B1);
            assertThat(log).containsExactly("smoke: 1 host(s) the rollout did not upgrade are not tested: a-2 (PENDING)");
            assertThat(RunDeployedEnvironments.upgradedHosts(Optional.of(byCell.get("c1")), store.rollouts(),
                    List.of(A1, A2, B1), log::add)).as("one rollout, as on a single server").containsExactly(A1);
            assertThat(RunDeployedEnvironments.upgradedHosts(Optional.empty(), store.rollouts(), List.of(A1, B1), log::add))
                    .as("no rollout in the run: every host").containsExactly(A1, B1);
        }
    }

    private static void plan(Store store, String id, RolloutSpec spec, List<HostTarget> hosts) {
        new RolloutEngine(store.rollouts(), null, new InMemoryDrain(), Clock.systemUTC(), kind -> id).plan(spec, hosts);
    }

    private static void done(Store store, String id, String host) {
        HostRecord h = store.rollouts().hosts(id).stream().filter(r -> r.host().name().equals(host)).findFirst().orElseThrow();
        store.rollouts().update(id, new HostRecord(h.host(), h.wave(), h.position(), HostPhase.DONE, "1.0-1", "",
                h.updatedAt(), h.updatedAt()));
    }
}
