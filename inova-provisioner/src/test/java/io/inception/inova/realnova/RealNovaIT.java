package io.inception.inova.realnova;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the real Zed harness with the independent client, Debian's {@code /usr/bin/openstack}
 * ({@code OS_COMPUTE_API_VERSION=2.60}, {@code --nic none}), as the Inception user.
 */
class RealNovaIT {
    private static RealNova nova;
    private static OpenStackCli cli;

    @BeforeAll
    static void start() {
        nova = RealNova.shared();
        cli = new OpenStackCli(nova.cliEnvironment(false), Duration.ofMinutes(3));
    }

    @Test
    void issuesAProjectScopedTokenForTheInceptionUser() {
        JsonNode token = cli.json("token", "issue");
        JsonNode project = cli.json("project", "show", nova.project());

        assertThat(token.path("id").asText()).isNotBlank();
        assertThat(token.path("project_id").asText()).isEqualTo(project.path("id").asText());
        assertThat(token.path("expires").asText()).isNotBlank();
    }

    @Test
    void catalogueListsEveryServiceOnLoopback() {
        Map<String, String> byType = new TreeMap<>();
        cli.json("catalog", "list").forEach(s -> byType.put(s.path("Type").asText(), s.path("Endpoints").toString()));

        assertThat(byType).containsOnlyKeys("identity", "compute", "image", "placement", "network");
        nova.endpoints().forEach((type, url) ->
                assertThat(byType.get(type)).as(type).contains(url.getHost() + ":" + url.getPort()));
        assertThat(String.join(" ", byType.values())).doesNotContain("localhost").contains("127.0.0.1");
    }

    @Test
    void listsTheFlavorsAndTheImage() {
        assertThat(names(cli.json("flavor", "list"))).containsExactlyInAnyOrderElementsOf(nova.flavors());
        JsonNode images = cli.json("image", "list");
        assertThat(names(images)).contains(nova.image());
        images.forEach(i -> assertThat(i.path("Status").asText()).isEqualTo("active"));
    }

    @Test
    void bootsShowsListsAndDeletesAServerWithoutNetworks() {
        String name = "realnova-it-" + System.nanoTime();
        JsonNode created = cli.json("server", "create", "--flavor", "m1.tiny", "--image", nova.image(),
                "--nic", "none", "--wait", name);
        String id = created.path("id").asText();
        try {
            assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(created.path("addresses").size()).isZero();
            assertThat(nova.computeHosts()).contains(created.path("OS-EXT-SRV-ATTR:host").asText());

            JsonNode shown = cli.json("server", "show", id);
            assertThat(shown.path("name").asText()).isEqualTo(name);
            assertThat(shown.path("status").asText()).isEqualTo("ACTIVE");
            assertThat(shown.path("flavor").path("original_name").asText()).isEqualTo("m1.tiny");

            assertThat(ids(cli.json("server", "list"))).contains(id);
        } finally {
            cli.run("server", "delete", "--wait", id);
        }
        assertThat(ids(cli.json("server", "list"))).doesNotContain(id);
    }

    @Test
    void disablesAndEnablesAComputeServiceWithAReason() {
        assertThat(computes()).extracting(c -> c.path("Host").asText())
                .containsExactlyInAnyOrderElementsOf(nova.computeHosts());
        assertThat(computes()).allSatisfy(c -> assertThat(c.path("State").asText()).isEqualTo("up"));

        String host = nova.computeHosts().get(2);
        String reason = "inception rollout realnova-it: draining " + host;
        try {
            cli.run("compute", "service", "set", "--disable", "--disable-reason", reason, host, "nova-compute");
            JsonNode disabled = compute(host);
            assertThat(disabled.path("Status").asText()).isEqualTo("disabled");
            assertThat(disabled.path("Disabled Reason").asText()).isEqualTo(reason);
        } finally {
            cli.run("compute", "service", "set", "--enable", host, "nova-compute");
        }
        JsonNode enabled = compute(host);
        assertThat(enabled.path("Status").asText()).isEqualTo("enabled");
        assertThat(enabled.path("Disabled Reason").isNull() || enabled.path("Disabled Reason").asText().isEmpty())
                .as("no disabled reason after enable: %s", enabled).isTrue();
    }

    private static List<JsonNode> computes() {
        List<JsonNode> out = new ArrayList<>();
        cli.json("compute", "service", "list", "--service", "nova-compute", "--long").forEach(out::add);
        return out;
    }

    private static JsonNode compute(String host) {
        return computes().stream().filter(c -> c.path("Host").asText().equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no nova-compute service on " + host));
    }

    private static List<String> names(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path("Name").asText()));
        return out;
    }

    private static List<String> ids(JsonNode rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.path("ID").asText()));
        return out;
    }
}
