package io.inception.puppet.config;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Parsed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PuppetSectionTest {
    static final String BASE = """
            name: qe
            cells:
              - name: c1
                hosts: ["qe-c1-[001:002]"]
            credentials:
              rabbit-password: {env: QE_RABBIT}
            """;

    static Parsed<EnvironmentFile> parse(String puppet) {
        return EnvironmentFile.parse(BASE + puppet, "environments/qe.yaml");
    }

    static List<String> errors(String puppet) {
        return parse(puppet).errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void aFullSectionIsReadWithRolesHieraAndSecretsByReference() {
        EnvironmentFile env = parse("""
                puppet:
                  repo: https://git.example/puppet.git
                  ref: release-7
                  path: puppet/
                  roles:
                    - {role: keystone, hosts: [qe-ctl-keystone-1]}
                    - {role: cell_mysql, cell: c1, hosts: ["qe-c1-db-[1:2]"]}
                    - {role: nova_compute, compute: true}
                  hiera:
                    inception::endpoints: {keystone: "http://keystone:5000/v3"}
                    inception::workers: 4
                  secrets:
                    inception::secrets::rabbit_password: rabbit-password
                """).orElseThrow();
        PuppetConfig c = env.section(new PuppetSection()).orElseThrow();
        assertThat(c.repo()).contains("https://git.example/puppet.git");
        assertThat(c.ref()).isEqualTo("release-7");
        assertThat(c.path()).isEqualTo("puppet");
        assertThat(c.roles()).containsExactly(
                new PuppetConfig.RoleAssignment("keystone", List.of("qe-ctl-keystone-1"), false, Optional.empty()),
                new PuppetConfig.RoleAssignment("cell_mysql", List.of("qe-c1-db-1", "qe-c1-db-2"), false, Optional.of("c1")),
                new PuppetConfig.RoleAssignment("nova_compute", List.of(), true, Optional.empty()));
        assertThat(c.hiera()).containsEntry("inception::endpoints", java.util.Map.of("keystone", "http://keystone:5000/v3"))
                .containsEntry("inception::workers", 4L);
        assertThat(c.secrets()).containsExactly(java.util.Map.entry("inception::secrets::rabbit_password", "rabbit-password"));
    }

    @Test
    void defaultsAreTheMainBranchOfThePipelineRepositoryAtItsRoot() {
        PuppetConfig c = parse("puppet:\n  roles:\n    - {role: nova_compute, compute: true}\n").orElseThrow()
                .section(new PuppetSection()).orElseThrow();
        assertThat(c.repo()).isEmpty();
        assertThat(c.ref()).isEqualTo("main");
        assertThat(c.path()).isEmpty();
    }

    @Test
    void malformedSectionsNameFileLineColumnAndField() {
        assertThat(errors("""
                puppet:
                  ref: main
                  rols: []
                """)).containsExactly(
                "environments/qe.yaml:8:3: puppet.roles: missing required field 'roles'",
                "environments/qe.yaml:9:3: puppet.rols: unknown field 'rols' (did you mean 'roles'?); known fields: repo, ref, path, roles, hiera, secrets");
        assertThat(errors("""
                puppet:
                  roles:
                    - {role: Nova-API, hosts: [a]}
                    - {role: glance}
                    - {role: nova_compute, compute: true, hosts: [x]}
                """)).containsExactly(
                "environments/qe.yaml:9:14: puppet.roles[0].role: bad role 'Nova-API': the class role::<role> needs lower-case letters, digits and '_'",
                "environments/qe.yaml:10:7: puppet.roles[1]: give the role's 'hosts' or 'compute: true'",
                "environments/qe.yaml:11:50: puppet.roles[2].hosts: a 'compute: true' role applies to every compute host; drop 'hosts'");
        assertThat(errors("""
                puppet:
                  path: ../secret
                  roles: [{role: glance, hosts: [g1]}]
                  hiera:
                    Bad-Key: 1
                  secrets:
                    inception::db: {env: X}
                """)).containsExactly(
                "environments/qe.yaml:8:9: puppet.path: must be a folder inside the repository, without '..' or a leading '/'",
                "environments/qe.yaml:11:5: puppet.hiera.Bad-Key: bad Hiera key 'Bad-Key': use lower-case names joined by '::', like inception::region",
                "environments/qe.yaml:13:20: puppet.secrets.inception::db: expected a string, got a map");
    }
}
