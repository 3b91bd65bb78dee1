package io.inception.puppet.apply;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.RemoteCommand;
import io.inception.engine.fleet.SshFleet;
import io.inception.engine.fleet.SshKey;
import io.inception.puppet.ManifestFixtures;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.config.PuppetSection;
import io.inception.puppet.manifests.ManifestSource;
import io.inception.puppet.manifests.ManifestTree;
import io.inception.puppet.node.Classification;
import io.inception.puppet.node.Credentials;
import io.inception.puppet.node.HieraRenderer;
import io.inception.puppet.node.PuppetNode;
import io.inception.sandbox.ssh.HostFault;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole apply path over real SSH against sandbox hosts: ship, apply, report, drift, failure, secrets. */
class SandboxPuppetTest {
    static final String SECRET = "rabbit-s3cret-value";

    @TempDir
    Path dir;
    SandboxFleet sandbox;
    SshFleet fleet;
    List<HostTarget> hosts;
    PuppetApplier applier;
    List<PuppetNode> nodes;
    ManifestTree tree;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() {
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(3, 1, dir.resolve("sandbox")));
        hosts = sandbox.endpoints().stream().map(e -> new HostTarget(e.name(), e.cell(), e.address(), e.port())).toList();
        FleetSettings settings = FleetSettings.of(sandbox.user(), SshKey.fromFile(sandbox.privateKeyFile()), dir.resolve("known_hosts"))
                .withConnectTimeout(Duration.ofSeconds(5));
        HostTrust.enrol(settings, hosts);
        fleet = SshFleet.open(settings);
        Path repo = ManifestFixtures.manifestRepo(dir);
        // hosts 1 and 2 are compute hosts, host 3 a control VM
        EnvironmentFile env = ManifestFixtures.environment(repo, hosts.get(0).name() + "\", \"" + hosts.get(1).name(), hosts.get(2).name());
        PuppetConfig config = env.section(new PuppetSection()).orElseThrow();
        tree = new ManifestSource(dir.resolve("cache")).read(config, null, null, null);
        Set<String> compute = env.hosts().stream().map(EnvironmentFile.Host::name).collect(Collectors.toSet());
        nodes = Classification.classify(config, hosts, compute);
        HieraRenderer renderer = new HieraRenderer(config, new Credentials(env.credentials(), Map.of("QE_RABBIT_PASSWORD", SECRET)::get));
        applier = new PuppetApplier(tree, renderer, Map.of("inception::build::version", "2.0-1",
                "inception::build::apt_source", "deb [trusted=yes] http://127.0.0.1:1/builds/b-1 ./"), fleet, Duration.ofSeconds(20));
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        fleet.close();
        sandbox.close();
    }

    @Test
    void nodesAreClassifiedFromTheEnvironment() {
        assertThat(nodes).extracting(n -> n.host().name() + "=" + n.classes()).containsExactly(
                hosts.get(0).name() + "=[role::nova_compute]", hosts.get(1).name() + "=[role::nova_compute]",
                hosts.get(2).name() + "=[role::keystone]");
        assertThat(tree.commit().commit()).hasSize(40);
        assertThat(tree.commit().ref()).isEqualTo("main");
    }

    @Test
    void firstApplyChangesSecondChangesNothingAndAHandEditShowsAsDrift() {
        List<HostApply> first = applier.apply(nodes, 3, h -> { });
        assertThat(first).allSatisfy(h -> {
            assertThat(h.status()).as(h.message()).isEqualTo(HostApply.Status.CHANGED);
            assertThat(h.exitCode()).isEqualTo(2);
        });
        assertThat(first.get(0).changed()).extracting(ResourceStatus::resource)
                .contains("Package[nova-compute]", "File[/etc/nova/nova.conf]", "Service[nova-compute]");
        assertThat(first.get(2).changed()).extracting(ResourceStatus::resource).contains("Package[keystone]", "Service[keystone]");

        List<HostApply> second = applier.apply(nodes, 3, h -> { });
        assertThat(second).allSatisfy(h -> assertThat(h.exitCode()).as(h.message()).isEqualTo(0));
        assertThat(second).extracting(HostApply::message).containsOnly("no change");

        HostTarget edited = hosts.get(0);
        assertThat(fleet.exec(edited, RemoteCommand.script("printf '%s' 'hand edit' > /etc/nova/nova.conf"), Duration.ofSeconds(5)).ok()).isTrue();
        String lastRun = sandbox.get(edited.name()).state().file(PuppetRunner.LAST_RUN_REPORT).orElseThrow();
        PuppetDrift drift = applier.driftOne(nodes.get(0));
        assertThat(drift.wouldChange()).extracting(ResourceStatus::resource).containsExactly("File[/etc/nova/nova.conf]");
        assertThat(applier.driftOne(nodes.get(1)).inSync()).isTrue();
        // the drift run wrote its own report; the last real run's report is untouched and the file still edited
        assertThat(sandbox.get(edited.name()).state().file(PuppetRunner.LAST_RUN_REPORT)).contains(lastRun);
        assertThat(sandbox.get(edited.name()).state().file(PuppetRunner.DRIFT_REPORT).orElseThrow()).contains("noop: true");
        assertThat(sandbox.get(edited.name()).state().file("/etc/nova/nova.conf")).contains("hand edit");
    }

    @Test
    void aNovaControlRoleGetsItsPackageConfigurationAndServiceFromTheSharedDefinedType() {
        HostApply api = applier.applyOne(new PuppetNode(hosts.get(2), List.of("role::nova_api")));
        assertThat(api.status()).as(api.message()).isEqualTo(HostApply.Status.CHANGED);
        assertThat(api.changed()).extracting(ResourceStatus::resource)
                .containsExactly("Package[nova-api]", "File[/etc/nova/nova-api.conf]", "Service[nova-api]");
        assertThat(sandbox.get(hosts.get(2).name()).state().file("/etc/nova/nova-api.conf")).isPresent();
    }

    @Test
    void aServiceThatDoesNotStartFailsTheRunNamingTheResource() {
        sandbox.get(hosts.get(2).name()).inject(HostFault.SERVICE_DOES_NOT_COME_BACK);
        HostApply failed = applier.applyOne(nodes.get(2));
        assertThat(failed.status()).isEqualTo(HostApply.Status.FAILED);
        assertThat(failed.exitCode()).isEqualTo(6);
        assertThat(failed.failed()).extracting(ResourceStatus::resource).containsExactly("Service[keystone]");
        assertThat(failed.message()).startsWith("failed: Service[keystone]: change from 'stopped' to 'running' failed: Could not start Service[keystone]");
        assertThat(applier.applyOne(nodes.get(2)).exitCode()).isEqualTo(4);
    }

    @Test
    void theSecretReachesTheNodeOnlyInItsRootOnlyHieraFileAndNeverALogOrResult() {
        List<HostApply> results = new ArrayList<>(applier.apply(nodes, 3, h -> { }));
        results.add(applier.applyOne(nodes.get(0)));
        String bundleDir = "/var/lib/inception/puppet/" + tree.commit().shortCommit();
        var state = sandbox.get(hosts.get(0).name()).state();
        assertThat(state.file(bundleDir + "/inception/data/secrets.yaml")).hasValueSatisfying(s -> assertThat(s).contains(SECRET));
        assertThat(state.file(bundleDir + "/inception/data/common.yaml")).hasValueSatisfying(s -> assertThat(s)
                .doesNotContain(SECRET).contains("convert_to: Sensitive"));
        assertThat(state.commandLog()).noneMatch(line -> line.contains(SECRET));
        assertThat(results.toString()).doesNotContain(SECRET);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).isNotEmpty().noneMatch(m -> m.contains(SECRET));
    }
}
