package io.inception.inova.spec;

import io.inception.engine.config.EnvironmentFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's own environment files have a valid control plane. */
class EnvironmentFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {"local", "qe", "staging"})
    void everyEnvironmentHasAControlPlane(String name) {
        EnvironmentFile env = EnvironmentFile.load(Path.of("../environments/environments/" + name + ".yaml"));
        ControlPlaneSpec spec = env.section(new ControlPlaneSection()).orElseThrow();
        assertThat(spec.apiRoles()).extracting(RoleSpec::name).contains("nova-api", "keystone", "glance", "api-db", "api-mq");
        assertThat(spec.cellRoles()).extracting(RoleSpec::name).containsExactly("scheduler", "cell-db", "cell-mq");
        assertThat(spec.inova().sandbox()).isEqualTo(name.equals("local"));
    }
}
