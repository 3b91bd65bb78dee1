package io.inception.app.rollout;

import io.inception.engine.config.Quantity;
import io.inception.engine.executor.IdGenerator;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.rollout.FailureBudgetPolicy;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutEngine;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.store.Store;
import io.inception.packaging.Packaging;
import io.inception.packaging.signing.Secret;
import io.inception.sandbox.ssh.HttpAptIndex;
import io.inception.sandbox.ssh.PackageIndex;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox hosts behind real SSH read the real, signed apt repository that packaging published and
 * serves over HTTP — {@code InRelease} checked with gpgv against the key the host holds, the
 * {@code Packages} file checked against the hashes in Release — and the rollout engine upgrades
 * them to the version the build's snapshot holds.
 */
class PublishedSnapshotRolloutTest {
    static final String VERSION = "27.2.0+git202611270540.9f8e7d6-1";

    @TempDir
    Path dir;
    PublishedRepository repo;
    SandboxFleet sandbox;
    List<HostTarget> hosts;
    FleetSettings settings;
    final IdGenerator ids = IdGenerator.sequential("t-");

    @BeforeEach
    void publishAndStartHosts() throws Exception {
        repo = PublishedRepository.publish(dir.resolve("home"), dir.resolve("work"), "b-2", VERSION);
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(6, 2, dir.resolve("sandbox"))
                .withIndex(new HttpAptIndex(PackageIndex.fixed(Map.of()))));
        String key = repo.armoredKey();
        sandbox.hosts().forEach(h -> h.state().withFile(Packaging.HOST_KEYRING, key));
        hosts = sandbox.endpoints().stream().map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
        settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()), dir.resolve("known_hosts"));
        HostTrust.enrol(settings, hosts);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        repo.close();
    }

    RolloutSummary rollout(String version, FailureBudgetPolicy budget) {
        return rollout("b-2", version, budget);
    }

    RolloutSummary rollout(String build, String version, FailureBudgetPolicy budget) {
        RolloutSpec spec = RolloutSpec.of("sbx", build, version, repo.sourcesLine("builds/" + build))
                .withWaves(RolloutSpec.parseWaves("1,100%")).withMaxParallel(3).withBudget(budget)
                .withCommandTimeout(Duration.ofSeconds(30));
        try (Store store = Store.openDefault(dir.resolve("store")); SshFleet ssh = SshFleet.open(settings)) {
            RolloutEngine engine = new RolloutEngine(store.rollouts(), ssh, new InMemoryDrain(), Clock.systemUTC(),
                    ids);
            return engine.run(engine.plan(spec, hosts));
        }
    }

    @Test
    void hostsInstallTheBuildsVersionFromItsServedSignedSnapshotAndAHostWithTheWrongKeyRefusesIt() throws Exception {
        SandboxHost wrongKey = sandbox.get("c2-006");
        String otherKey = Packaging.at(dir.resolve("other/apt"), dir.resolve("other/keys"), Clock.systemUTC(), Secret.none())
                .key().exportArmored();
        wrongKey.state().withFile(Packaging.HOST_KEYRING, otherKey);

        RolloutSummary summary = rollout(VERSION, new FailureBudgetPolicy(0, new Quantity(Quantity.Kind.COUNT, 1)));

        assertThat(summary.status()).as(summary.line()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(summary.count(HostPhase.DONE)).isEqualTo(5);
        for (SandboxHost h : sandbox.hosts()) {
            if (h == wrongKey) continue;
            assertThat(h.state().version("nova-compute")).as(h.name()).contains(VERSION);
            assertThat(h.state().file("/etc/apt/sources.list.d/inception.list")).contains("deb [signed-by="
                    + Packaging.HOST_KEYRING + "] " + repo.server.url() + "/ builds/b-2 main\n");
        }
        assertThat(wrongKey.state().version("nova-compute")).as("never upgraded").contains("1.0-1");
        assertThat(summary.failed()).singleElement().asString().startsWith("c2-006 FAILED")
                .contains("NO_PUBKEY", "InRelease' is not signed");
    }

    @Test
    void aPackagesFileAlteredAfterPublishingIsRefusedAsAHashSumMismatch() throws Exception {
        Path packages = repo.packaging.repository().root().resolve("dists/builds/b-2/main/binary-amd64/Packages");
        Files.writeString(packages, Files.readString(packages) + "\nPackage: nova-compute\nVersion: 99.0-1\n"
                + "Architecture: all\nFilename: pool/evil.deb\n");

        RolloutSummary summary = rollout("99.0-1", FailureBudgetPolicy.DEFAULT); // the first failure stops it

        assertThat(summary.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(summary.failed()).singleElement().asString().contains("Hash Sum mismatch");
        assertThat(sandbox.hosts()).allSatisfy(h -> assertThat(h.state().version("nova-compute")).contains("1.0-1"));
    }

    @Test
    void aHostWhoseUpgradeFailsIsRolledBackToThePreviousBuildFromThatBuildsSnapshot() throws Exception {
        String previous = "27.2.0+git202611270215.1a2b3c4-1";
        repo.publishAnother(dir.resolve("work"), "b-1", previous);
        assertThat(rollout("b-1", previous, FailureBudgetPolicy.DEFAULT).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        SandboxHost broken = sandbox.get("c2-005");
        broken.state().inject(io.inception.sandbox.ssh.HostFault.INSTALL_FAILS);

        RolloutSummary summary = rollout("b-2", VERSION, new FailureBudgetPolicy(0, new Quantity(Quantity.Kind.COUNT, 1)));

        assertThat(summary.status()).as(summary.line()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(summary.count(HostPhase.ROLLED_BACK)).isEqualTo(1);
        assertThat(broken.state().version("nova-compute")).as("back on the previous build's version").contains(previous);
        assertThat(broken.state().file("/etc/apt/sources.list.d/inception.list")).contains(repo.sourcesLine("builds/b-2")
                + "\n" + repo.sourcesLine("builds/b-1") + "\n");
        assertThat(sandbox.hosts()).filteredOn(h -> h != broken)
                .allSatisfy(h -> assertThat(h.state().version("nova-compute")).as(h.name()).contains(VERSION));
    }
}
