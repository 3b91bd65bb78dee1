package io.inception.app.demo;

import io.inception.engine.rollout.HostPhase;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class DemoRolloutTest {
    @TempDir
    Path dir;

    @Test
    void twoHundredSandboxHostsInTwoCellsWithOneInjectedFailureFinishGreen() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Store store = Store.openDefault(dir.resolve("home"))) {
            DemoRollout.Result r = DemoRollout.run(store.rollouts(), dir.resolve("sandbox"), "b-1",
                    "2026.1+git202611270500.abc1234-1", "deb [trusted=yes] http://127.0.0.1:1/apt builds/b-1 main",
                    Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(r.ok()).as(printed.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(r.summary().count(HostPhase.DONE)).isEqualTo(199);
            assertThat(r.failedHostVersion()).isEqualTo(DemoRollout.PREVIOUS);
            assertThat(r.allowedFailures()).isEqualTo(4);
            assertThat(store.rollouts().find(r.summary().rolloutId())).isPresent();
        }
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("200 sandbox hosts", "broken post-installation script", "SUCCEEDED 200 hosts: 199 done, 1 rolled back",
                        "rolled back to 1.0-1", "1 failure of 4 allowed: the rollout went on");
    }
}
