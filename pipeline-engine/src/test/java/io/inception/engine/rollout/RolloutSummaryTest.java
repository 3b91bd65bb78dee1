package io.inception.engine.rollout;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.store.EngineJson;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The stage's output: one rollout, or the sum of one rollout per cell. */
class RolloutSummaryTest {
    private static RolloutSummary cell(String id, ExecutionStatus status, String message, int done, int rolledBack) {
        return new RolloutSummary(id, status, message, done + rolledBack,
                Map.of(HostPhase.DONE, done, HostPhase.ROLLED_BACK, rolledBack),
                rolledBack == 0 ? List.of() : List.of(id + "-host ROLLED_BACK: install failed"));
    }

    @Test
    void theCellsRolloutsAreSummedAndAnyCellNotSucceededFailsTheWhole() {
        Map<String, RolloutSummary> byCell = new LinkedHashMap<>();
        byCell.put("c1", cell("ro-1", ExecutionStatus.SUCCEEDED, "", 4, 0));
        byCell.put("c2", cell("ro-2", ExecutionStatus.FAILED, "failure budget spent", 3, 1));

        RolloutSummary total = RolloutSummary.ofCells(byCell);

        assertThat(total.line()).isEqualTo("FAILED 8 hosts: 7 done, 1 rolled back, 0 failed, 0 in flight, 0 pending"
                + " (cell c2 rollout ro-2 FAILED: failure budget spent)");
        assertThat(total.rolloutId()).isEqualTo("ro-1+ro-2");
        assertThat(total.rolloutIds()).containsExactly("ro-1", "ro-2");
        assertThat(total.failed()).containsExactly("ro-2-host ROLLED_BACK: install failed");
        byCell.put("c2", cell("ro-2", ExecutionStatus.SUCCEEDED, "", 4, 0));
        assertThat(RolloutSummary.ofCells(byCell).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void anOutputStoredBeforeCellsExistedReadsAsOneRollout() {
        RolloutSummary old = EngineJson.read("""
                {"rolloutId":"ro-9","status":"SUCCEEDED","message":"","hosts":2,"byPhase":{"DONE":2},"failed":[]}""",
                RolloutSummary.class);
        assertThat(old.cells()).isEmpty();
        assertThat(old.rolloutIds()).containsExactly("ro-9");
        RolloutSummary total = RolloutSummary.ofCells(Map.of("c1", old));
        assertThat(EngineJson.read(EngineJson.write(total), RolloutSummary.class)).isEqualTo(total);
    }
}
