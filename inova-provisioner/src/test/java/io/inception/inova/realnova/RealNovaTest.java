package io.inception.inova.realnova;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class RealNovaTest {
    private static final String ENDPOINTS = """
            {
              "auth_url": "http://127.0.0.1:23410/v3",
              "region": "RegionOne",
              "domain": "Default",
              "project": "inception",
              "username": "inception",
              "password": "s3cretUserPass",
              "admin": {"project": "admin", "username": "admin", "password": "s3cretAdminPass"},
              "compute_hosts": ["compute-1", "compute-2"],
              "flavors": ["m1.tiny", "m1.small"],
              "image": "inception-fake",
              "endpoints": {"identity": "http://127.0.0.1:23410/v3", "compute": "http://127.0.0.1:23411/v2.1"},
              "state_dir": "/var/tmp/inception-zed-test",
              "logs": "/var/tmp/inception-zed-test/log"
            }""";

    @Test
    void readsWhatZedShWrote() {
        RealNova nova = RealNova.fromEndpointsJson(ENDPOINTS);

        assertThat(nova.authUrl()).isEqualTo(URI.create("http://127.0.0.1:23410/v3"));
        assertThat(nova.username()).isEqualTo("inception");
        assertThat(nova.password().reveal()).isEqualTo("s3cretUserPass");
        assertThat(nova.project()).isEqualTo("inception");
        assertThat(nova.domain()).isEqualTo("Default");
        assertThat(nova.admin().password().reveal()).isEqualTo("s3cretAdminPass");
        assertThat(nova.computeHosts()).containsExactly("compute-1", "compute-2");
        assertThat(nova.endpoints()).containsEntry("compute", URI.create("http://127.0.0.1:23411/v2.1"));
        assertThat(nova.logDir()).hasToString("/var/tmp/inception-zed-test/log");
    }

    @Test
    void neverPrintsAPassword() {
        RealNova nova = RealNova.fromEndpointsJson(ENDPOINTS);

        assertThat(nova.toString()).contains("inception").doesNotContain("s3cret");
        assertThat(nova.admin().toString()).doesNotContain("s3cret");
    }

    @Test
    void cliEnvironmentSelectsTheAccountAndMicroversion() {
        RealNova nova = RealNova.fromEndpointsJson(ENDPOINTS);

        assertThat(nova.cliEnvironment(false)).containsEntry("OS_USERNAME", "inception")
                .containsEntry("OS_PROJECT_NAME", "inception").containsEntry("OS_PASSWORD", "s3cretUserPass")
                .containsEntry("OS_COMPUTE_API_VERSION", "2.60");
        assertThat(nova.cliEnvironment(true)).containsEntry("OS_USERNAME", "admin")
                .containsEntry("OS_PROJECT_NAME", "admin");
    }
}
