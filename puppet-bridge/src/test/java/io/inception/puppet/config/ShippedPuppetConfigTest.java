package io.inception.puppet.config;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.HostTarget;
import io.inception.puppet.ManifestFixtures;
import io.inception.puppet.node.Classification;
import io.inception.puppet.node.PuppetNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's qe environment classifies its control VMs and compute hosts with the sample roles. */
class ShippedPuppetConfigTest {
    @Test
    void qeGivesEveryControlVmItsRoleAndEveryComputeHostNovaCompute() {
        EnvironmentFile qe = EnvironmentFile.load(ManifestFixtures.sampleManifests().getParent().resolve("environments/qe.yaml"));
        PuppetConfig config = qe.section(new PuppetSection()).orElseThrow();
        assertThat(config.repo()).isEmpty();
        assertThat(config.path()).isEqualTo("environments/puppet");
        assertThat(config.secrets()).containsValues("rabbit-password", "db-password");
        assertThat(qe.credentials()).containsKeys("rabbit-password", "db-password");
        List<HostTarget> hosts = List.of(new HostTarget("qe-ctl-api-2", "c1", "10.0.0.2", 22),
                new HostTarget("qe-c2-db-1", "c2", "10.0.0.3", 22), new HostTarget("qe-c2-100", "c2", "10.0.0.4", 22),
                new HostTarget("qe-unknown-1", "c1", "10.0.0.5", 22));
        Set<String> compute = qe.hosts().stream().map(EnvironmentFile.Host::name).collect(Collectors.toSet());
        assertThat(Classification.classify(config, hosts, compute)).extracting(n -> n.host().name(), PuppetNode::classes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("qe-ctl-api-2", List.of("role::nova_api")),
                        org.assertj.core.groups.Tuple.tuple("qe-c2-db-1", List.of("role::cell_mysql")),
                        org.assertj.core.groups.Tuple.tuple("qe-c2-100", List.of("role::nova_compute")));
        // every role the environment names exists in the sample manifests
        config.roles().forEach(r -> assertThat(ManifestFixtures.sampleManifests().resolve("modules/role/manifests/" + r.role() + ".pp"))
                .as(r.role()).exists());
    }
}
