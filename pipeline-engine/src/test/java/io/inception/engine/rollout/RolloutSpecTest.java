package io.inception.engine.rollout;

import io.inception.engine.config.Quantity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spec's withers: each changes its own component only, and the result is checked like a new spec. */
class RolloutSpecTest {
    final RolloutSpec base = RolloutSpec.of("qe", "b-1", "2.0-1", "deb [trusted=yes] http://r/ qe main");

    @Test
    void eachWitherChangesItsComponentAndNothingElse() {
        RolloutSpec changed = base.withPackage("nova-api").withWaves(RolloutSpec.parseWaves("2,50%"))
                .withMaxParallel(7).withBudget(FailureBudgetPolicy.parse("3")).withCellOrder(CellOrder.ONE_AT_A_TIME)
                .withRollbackAll(true).withLeaveFailedDrained(true).withCommandTimeout(Duration.ofSeconds(9))
                .withHealthCommand("true").withGates(List.of(new WaveGate(0, Duration.ZERO, true)));

        assertThat(changed).isEqualTo(new RolloutSpec("qe", "b-1", "nova-api", "2.0-1", "deb [trusted=yes] http://r/ qe main",
                List.of(new Quantity(Quantity.Kind.COUNT, 2), new Quantity(Quantity.Kind.PERCENT, 50)), 7,
                FailureBudgetPolicy.parse("3"), CellOrder.ONE_AT_A_TIME, true, true, Duration.ofSeconds(9), "true",
                List.of(new WaveGate(0, Duration.ZERO, true)), null));
        assertThat(base.withMaxParallel(7)).isEqualTo(new RolloutSpec("qe", "b-1", "nova-compute", "2.0-1",
                base.aptSource(), RolloutSpec.DEFAULT_WAVES, 7, FailureBudgetPolicy.DEFAULT, CellOrder.PARALLEL, false,
                false, Duration.ofMinutes(10), null, List.of(), null));
    }

    @Test
    void theHostsSourcesListHoldsTheBuildsLineThenThePreviousReleasesLine() {
        assertThat(base.sourceLines()).containsExactly("deb [trusted=yes] http://r/ qe main");
        assertThat(base.withPreviousSource("deb [trusted=yes] http://r/ builds/b-0 main").sourceLines())
                .containsExactly("deb [trusted=yes] http://r/ qe main", "deb [trusted=yes] http://r/ builds/b-0 main");
        assertThatThrownBy(() -> base.withPreviousSource("deb a\ndeb b"))
                .hasMessage("the previous apt source must be one 'deb ...' line");
    }

    @Test
    void aWitherGivingABadValueIsRefusedAsTheConstructorRefusesIt() {
        assertThatThrownBy(() -> base.withMaxParallel(0)).hasMessage("maxParallel must be at least 1");
        assertThatThrownBy(() -> base.withPackage("Nova Compute")).hasMessage("invalid package name: Nova Compute");
        assertThatThrownBy(() -> base.withWaves(List.of())).hasMessage("a rollout needs at least one wave");
    }
}
