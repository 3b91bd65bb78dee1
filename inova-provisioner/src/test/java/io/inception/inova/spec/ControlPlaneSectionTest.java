package io.inception.inova.spec;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Parsed;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ControlPlaneSectionTest {
    private static final String BASE = """
            name: qe
            cells:
              - name: c1
                hosts: [h1]
            """;

    private static List<String> errors(String section) {
        Parsed<EnvironmentFile> parsed = EnvironmentFile.parse(BASE + section, "qe.yaml");
        return parsed.errors().stream().map(ConfigError::format).toList();
    }

    @Test
    void aFullSectionIsReadWithDefaults() {
        EnvironmentFile env = EnvironmentFile.parse(BASE + """
                control-plane:
                  inova:
                    auth-url: https://inova.example.com:5000/v3
                    username: inception-qe
                    password: inova-password
                    project: inception-qe
                  watch: false
                  defaults: {image: debian-12, boot-timeout: 5m}
                  images:
                    debian-12: {file: /srv/images/debian-12.qcow2}
                  api:
                    nova-api: {flavor: m1.medium, count: 2, anti-affinity: nova-api, health-port: 8774}
                    keystone: {flavor: m1.small}
                  cell:
                    scheduler: {flavor: m1.medium, launch-retries: 5}
                """, "qe.yaml").orElseThrow();

        ControlPlaneSpec spec = env.section(new ControlPlaneSection()).orElseThrow();

        assertThat(spec.inova()).isEqualTo(new InovaEndpoint(Optional.of("https://inova.example.com:5000/v3"),
                "inception-qe", "inova-password", "inception-qe", "Default", false));
        assertThat(spec.watch()).isFalse();
        assertThat(spec.apiRoles()).containsExactly(
                new RoleSpec("nova-api", "m1.medium", "debian-12", 2, Optional.of("nova-api"), Optional.of(8774),
                        Duration.ofMinutes(5), 3),
                new RoleSpec("keystone", "m1.small", "debian-12", 1, Optional.empty(), Optional.empty(),
                        Duration.ofMinutes(5), 3));
        assertThat(spec.cellRoles()).containsExactly(new RoleSpec("scheduler", "m1.medium", "debian-12", 1,
                Optional.empty(), Optional.empty(), Duration.ofMinutes(5), 5));
        assertThat(spec.images().get("debian-12")).isEqualTo(new ImageSource("debian-12",
                Path.of("/srv/images/debian-12.qcow2"), "qcow2", "bare"));
    }

    @Test
    void theSandboxEndpointAndNodepoolDefaults() {
        ControlPlaneSpec spec = EnvironmentFile.parse(BASE + """
                control-plane:
                  inova: sandbox
                  api:
                    keystone: {flavor: m1.small, image: debian-12}
                """, "qe.yaml").orElseThrow().section(new ControlPlaneSection()).orElseThrow();

        assertThat(spec.inova().sandbox()).isTrue();
        assertThat(spec.watch()).isTrue();
        assertThat(spec.cellRoles()).isEmpty();
        assertThat(spec.apiRoles().get(0).bootTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(spec.apiRoles().get(0).launchRetries()).isEqualTo(3);
    }

    @Test
    void malformedInputNamesFileLineColumnAndField() {
        assertThat(errors("""
                control-plane:
                  inova: {auth-url: inova.example.com, username: u, project: p, domian: Default}
                  api:
                    nova-api: {flavor: m1.medium, count: 0}
                    Keystone: {flavor: m1.small, image: d}
                    glance: {image: d, health-port: 70000, boot-timeout: soon}
                  cell:
                    scheduler: {flavor: m1.small, image: d, anti-affinity: Spread, colour: red}
                  watch: maybe
                """)).containsExactly(
                "qe.yaml:6:10: control-plane.inova.password: missing required field 'password'",
                "qe.yaml:6:21: control-plane.inova.auth-url: auth-url must be an http:// or https:// URL of Identity v3, got 'inova.example.com'",
                "qe.yaml:6:65: control-plane.inova.domian: unknown field 'domian' (did you mean 'domain'?); known fields: auth-url, username, password, project, domain",
                "qe.yaml:8:15: control-plane.api.nova-api.image: missing required field 'image' (or set it under control-plane.defaults)",
                "qe.yaml:8:42: control-plane.api.nova-api.count: count must be 1..100, got 0",
                "qe.yaml:9:5: control-plane.api.Keystone: bad role name 'Keystone': use 1-30 lower-case letters, digits and '-', starting with a letter",
                "qe.yaml:10:13: control-plane.api.glance.flavor: missing required field 'flavor' (or set it under control-plane.defaults)",
                "qe.yaml:10:37: control-plane.api.glance.health-port: a port must be 1..65535, got 70000",
                "qe.yaml:10:58: control-plane.api.glance.boot-timeout: bad duration 'soon': expected a number and a unit, like 500ms, 30s, 20m, 2h or 1h30m",
                "qe.yaml:12:60: control-plane.cell.scheduler.anti-affinity: bad group name 'Spread': use 1-30 lower-case letters, digits and '-', starting with a letter",
                "qe.yaml:12:68: control-plane.cell.scheduler.colour: unknown field 'colour'; known fields: flavor, image, count, anti-affinity, health-port, boot-timeout, launch-retries",
                "qe.yaml:13:10: control-plane.watch: expected a boolean (true or false), got a string 'maybe'");
    }

    @Test
    void theSectionMustBeAMapWithAnApiCell() {
        assertThat(errors("control-plane: [a]\n"))
                .containsExactly("qe.yaml:5:16: control-plane: expected a map of fields, got a list");
        assertThat(errors("control-plane:\n  inova: cloud\n")).containsExactly(
                "qe.yaml:6:3: control-plane.api: missing required field 'api'",
                "qe.yaml:6:10: control-plane.inova: expected 'sandbox' or a map with auth-url, username, password, project, domain; got 'cloud'");
    }
}
