package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's python-openstackclient ({@code /usr/bin/openstack}, microversion 2.60, {@code --nic none},
 * as against a real Zed Nova) drives the simulator: tokens, catalogue, flavors, images, a server's
 * life, and draining a compute host.
 */
class OpenStackClientIT {
    private static final Logger LOG = LoggerFactory.getLogger(OpenStackClientIT.class);
    static final ObjectMapper JSON = new ObjectMapper();
    static InovaSimulator sim;
    static final List<String> transcript = new ArrayList<>();

    @BeforeAll
    static void start() {
        sim = InovaSimulator.start(InovaSpec.defaults().withComputeHosts(List.of("c1-001", "c1-002", "c2-001")));
    }

    @AfterAll
    static void stop() {
        // the CLI got the password only through its environment: it is in nothing it printed
        assertThat(String.join("\n", transcript)).doesNotContain(sim.password());
        sim.close();
    }

    record Result(int exit, String out, String err) {
        JsonNode json() throws Exception {
            return JSON.readTree(out);
        }
    }

    static Result openstack(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/openstack"));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("OS_"));
        env.put("OS_AUTH_URL", sim.authUrl());
        env.put("OS_IDENTITY_API_VERSION", "3");
        env.put("OS_USERNAME", sim.username());
        env.put("OS_PASSWORD", sim.password());
        env.put("OS_PROJECT_NAME", sim.project());
        env.put("OS_USER_DOMAIN_NAME", sim.domain());
        env.put("OS_PROJECT_DOMAIN_NAME", sim.domain());
        env.put("OS_REGION_NAME", sim.region());
        env.put("OS_COMPUTE_API_VERSION", "2.60");
        LOG.info("openstack {}", String.join(" ", args));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("openstack " + String.join(" ", args)).isTrue();
        transcript.add(out);
        transcript.add(err);
        Result r = new Result(p.exitValue(), out, err);
        assertThat(r.exit()).as("openstack %s failed: %s", String.join(" ", args), err).isZero();
        return r;
    }

    @Test
    void tokenAndCatalogue() throws Exception {
        JsonNode token = openstack("token", "issue", "-f", "json").json();
        assertThat(token.get("id").asText()).startsWith("gAAAAA");
        assertThat(token.get("expires").asText()).isNotBlank();
        assertThat(token.get("project_id").asText()).hasSize(32);

        JsonNode catalog = openstack("catalog", "list", "-f", "json").json();
        assertThat(catalog.findValuesAsText("Type")).containsExactlyInAnyOrder("identity", "compute", "image");
        assertThat(catalog.toString()).contains(sim.computeUrl(), sim.imageUrl());
    }

    @Test
    void flavorsAndImages() throws Exception {
        JsonNode flavors = openstack("flavor", "list", "-f", "json").json();
        assertThat(flavors.findValuesAsText("Name")).contains("m1.tiny", "m1.small", "m1.medium", "m1.large");
        JsonNode images = openstack("image", "list", "-f", "json").json();
        assertThat(images.findValuesAsText("Name")).containsExactly("debian-12");
        assertThat(images.findValuesAsText("Status")).containsExactly("active");
    }

    @Test
    void aServerIsCreatedListedShownAndDeleted() throws Exception {
        JsonNode created = openstack("server", "create", "--wait", "--nic", "none", "--flavor", "m1.small",
                "--image", "debian-12", "--property", "inception:role=nova-api", "api-1", "-f", "json").json();
        assertThat(created.get("status").asText()).isEqualTo("ACTIVE");
        String id = created.get("id").asText();

        JsonNode list = openstack("server", "list", "-f", "json").json();
        assertThat(list.findValuesAsText("Name")).contains("api-1");
        assertThat(list.findValuesAsText("Status")).containsOnly("ACTIVE");

        JsonNode shown = openstack("server", "show", "api-1", "-f", "json").json();
        assertThat(shown.get("id").asText()).isEqualTo(id);
        assertThat(shown.at("/addresses/private/0").asText()).startsWith("127.64.");
        assertThat(shown.get("properties").toString()).contains("nova-api");

        openstack("server", "delete", "--wait", "api-1");
        assertThat(openstack("server", "list", "-f", "json").json().findValuesAsText("Name")).doesNotContain("api-1");
        assertThat(sim.servers()).extracting(InovaSimulator.ServerInfo::name).doesNotContain("api-1");
    }

    @Test
    void aComputeServiceIsListedAndDisabledWithAReason() throws Exception {
        JsonNode services = openstack("compute", "service", "list", "-f", "json").json();
        assertThat(services.findValuesAsText("Host")).contains("c1-001", "c1-002", "c2-001");

        openstack("compute", "service", "set", "--disable", "--disable-reason", "rollout r-7 drains c1-002",
                "c1-002", "nova-compute");

        JsonNode after = openstack("compute", "service", "list", "--host", "c1-002", "--long", "-f", "json").json();
        assertThat(after).hasSize(1);
        assertThat(after.get(0).get("Status").asText()).isEqualTo("disabled");
        assertThat(after.get(0).get("Disabled Reason").asText()).isEqualTo("rollout r-7 drains c1-002");
        assertThat(sim.services()).contains(new InovaSimulator.ServiceInfo("c1-002", "nova-compute", false,
                "rollout r-7 drains c1-002", true));
    }
}
