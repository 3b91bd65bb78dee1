package io.inception.app.promotion;

import io.inception.app.release.ReleaseFixture;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The promotion gate reads the smoke report of the environment the target promotes from. */
class SmokePassedGateTest {
    @TempDir
    Path home;
    Store store;

    @BeforeEach
    void open() {
        store = Store.openDefault(home);
        ReleaseFixture.qePassedBuild(store, "b-1", Instant.parse("2026-11-27T03:00:00Z"), true);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static EnvironmentFiles files(String name, String yaml) {
        return n -> n.equals(name) ? Optional.of(EnvironmentFile.parse(yaml, n + ".yaml").orElseThrow()) : Optional.empty();
    }

    @Test
    void opensWhenQesSmokeSuitePassedOnTheBuild() {
        PromotionGate.Verdict v = new SmokePassedGate(store.builds(), n -> Optional.empty()).check("b-1", "staging");

        assertThat(v).isEqualTo(new PromotionGate.Verdict.Open("build b-1 passed the smoke suite on qe: passed: 14 tests:"
                + " 14 passed, 0 failed, 0 skipped"));
    }

    @Test
    void readsTheSourceEnvironmentFromThePromotionSection() {
        SmokePassedGate gate = new SmokePassedGate(store.builds(), files("preprod", """
                name: preprod
                cells: [{name: c1, hosts: [p-1]}]
                promotion: {from: staging}
                """));

        assertThat(gate.source("preprod")).isEqualTo("staging");
        assertThat(gate.check("b-1", "preprod")).isEqualTo(new PromotionGate.Verdict.Closed(
                "build b-1 has no smoke result for staging: run the smoke stage against staging first"));
        assertThat(gate.check("b-9", "preprod")).isEqualTo(new PromotionGate.Verdict.Closed("there is no build b-9"));
    }

    @Test
    void anUnreadableEnvironmentFileKeepsTheGateClosed() {
        SmokePassedGate gate = new SmokePassedGate(store.builds(), n -> {
            throw new IllegalStateException("ref 'main' not found in /srv/config");
        });

        assertThat(gate.check("b-1", "staging")).isEqualTo(new PromotionGate.Verdict.Closed(
                "cannot read the environment file of staging: ref 'main' not found in /srv/config"));
    }
}
