package io.inception.app.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.app.cli.RolloutCommand;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.sandbox.ssh.HostEndpoint;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An environment with a {@code control-plane:} section is drained through Nova: during its upgrade
 * a host's nova-compute service is disabled in the environment's iNova (the sandbox's) with the
 * rollout named as the reason, and enabled again after; a failed host left drained by policy stays
 * disabled.
 */
class NovaDrainRolloutTest {
    @TempDir
    Path dir;
    SandboxFleet sandbox;
    InovaSimulator inova;
    Path config;
    Path inovaJson;
    String home;

    @BeforeEach
    void setUp() throws Exception {
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(4, 2, dir.resolve("sandbox")));
        inova = InovaSimulator.start(InovaSpec.defaults().withComputeHosts(
                sandbox.endpoints().stream().map(HostEndpoint::name).toList()));
        inovaJson = Files.writeString(dir.resolve("sandbox.json"),
                new ObjectMapper().createObjectNode().set("keystone", inova.describeJson()).toString());
        config = Cli.configRepo(dir.resolve("config"), "sbx", Cli.sandboxEnvironment(sandbox, "", """
                  strict-waves: 0
                  leave-failed-drained: true
                """, """
                failure-budget: {max-failed: 1}
                control-plane:
                  inova: sandbox
                  api:
                    nova-api: {flavor: m1.small, image: debian-12}
                  cell:
                    scheduler: {flavor: m1.small, image: debian-12}
                """));
        home = dir.resolve("home").toString();
        Cli.trustHosts(config, home);
    }

    @AfterEach
    void stop() {
        inova.close();
        sandbox.close();
    }

    @Test
    void hostsAreDisabledInNovaWhileTheyAreUpgradedAndEnabledAfter() throws Exception {
        sandbox.get("c1-002").slowDelay(Duration.ofMillis(700));
        sandbox.get("c1-002").inject(HostFault.SLOW);
        sandbox.get("c2-004").inject(HostFault.INSTALL_FAILS);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(() -> inova.services().stream().filter(s -> s.binary().equals("nova-compute")
                && !s.enabled()).forEach(s -> seen.add(s.host() + " disabled: " + s.disabledReason())), 0, 20, TimeUnit.MILLISECONDS);
        Cli.Result r;
        try {
            r = Cli.run(new RolloutCommand(), "--env", "sbx", "--build", "b-9", "--repo", config.toString(),
                    "--package-version", "2.0-1", "--apt-source", "deb [trusted=yes] http://repo.invalid/apt/ builds/b-9 main",
                    "--inova", inovaJson.toString(), "--json", "--home", home);
        } finally {
            watcher.shutdownNow();
        }

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(r.out());
        String reason = "inception rollout " + summary.get("rolloutId").asText();
        assertThat(summary.get("byPhase").get("DONE").asInt()).isEqualTo(3);
        assertThat(seen).as("the slow host, seen while it was upgraded").contains("c1-002 disabled: " + reason);
        assertThat(inova.services()).filteredOn(s -> s.binary().equals("nova-compute")).allSatisfy(s -> {
            if (s.host().equals("c2-004")) {
                assertThat(s.enabled()).as("rolled back and left drained by policy").isFalse();
                assertThat(s.disabledReason()).isEqualTo(reason);
            } else {
                assertThat(s.enabled()).as(s.host()).isTrue();
            }
        });
    }

    @Test
    void anEnvironmentOnTheSandboxINovaNeedsItsLogin() {
        Cli.Result r = Cli.run(new RolloutCommand(), "--env", "sbx", "--build", "b-9", "--repo", config.toString(),
                "--package-version", "2.0-1", "--apt-source", "deb [trusted=yes] http://repo.invalid/apt/ builds/b-9 main",
                "--home", home);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("uses the sandbox iNova", "--inova sandbox.json");
        assertThat(sandbox.hosts()).allSatisfy(h -> assertThat(h.state().commandLog()).as("no host touched").isEmpty());
    }
}
