package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Nova's compute API as clients see it: microversions, server create rules, lifecycle, quota, faults. */
class ComputeProtocolTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T05:00:00Z"));
    InovaSimulator sim;
    InovaHttp http;

    @BeforeEach
    void start() throws Exception {
        sim = InovaSimulator.start(InovaSpec.defaults().withClock(clock).withBootDelay(Duration.ofSeconds(30))
                .withQuota(new InovaSpec.Quota(3, 40, 80 * 1024)));
        http = new InovaHttp(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    String image() throws Exception {
        return http.get("/image/v2/images?name=debian-12").body().at("/images/0/id").asText();
    }

    String serverBody(String name, String networks) throws Exception {
        return """
                {"server": {"name": "%s", "flavorRef": "2", "imageRef": "%s", %s
                 "metadata": {"inception:env": "qe", "inception:role": "nova-api"}}}"""
                .formatted(name, image(), networks == null ? "" : "\"networks\": " + networks + ",");
    }

    String boot(String name) throws Exception {
        InovaHttp.Answer a = http.compute("POST", "/servers", serverBody(name, "\"none\""), "2.60");
        assertThat(a.status()).as(a.text()).isEqualTo(202);
        return a.body().at("/server/id").asText();
    }

    JsonNode show(String id) throws Exception {
        return http.compute("GET", "/servers/" + id, null, "2.60").body().get("server");
    }

    @Test
    void microversionsAreNegotiatedAndEchoed() throws Exception {
        InovaHttp.Answer none = http.compute("GET", "/flavors", null, null);
        assertThat(none.header("OpenStack-API-Version")).isEqualTo("compute 2.1");
        assertThat(none.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.1");

        InovaHttp.Answer v260 = http.compute("GET", "/flavors", null, "2.60");
        assertThat(v260.header("OpenStack-API-Version")).isEqualTo("compute 2.60");
        assertThat(v260.header("Vary")).isEqualTo("OpenStack-API-Version, X-OpenStack-Nova-API-Version");

        InovaHttp.Answer legacy = http.send("GET", "/compute/v2.1/flavors", null, null,
                "X-OpenStack-Nova-API-Version", "2.53");
        assertThat(legacy.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.53");
        assertThat(http.compute("GET", "/flavors", null, "latest").header("OpenStack-API-Version"))
                .isEqualTo("compute 2.79");

        InovaHttp.Answer tooNew = http.compute("GET", "/flavors", null, "2.99");
        assertThat(tooNew.status()).isEqualTo(406);
        assertThat(tooNew.body().toString()).isEqualTo("{\"computeFault\":{\"code\":406,\"message\":"
                + "\"Version 2.99 is not supported by the API. Minimum is 2.1 and maximum is 2.79.\"}}");
        InovaHttp.Answer malformed = http.compute("GET", "/flavors", null, "2.x");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().at("/badRequest/message").asText()).isEqualTo(
                "API Version String 2.x is of invalid format. Must be of format MajorNum.MinorNum.");
    }

    @Test
    void versionDocumentsAdvertiseTheRange() throws Exception {
        http.token = null;
        JsonNode root = http.get("/compute/").body();
        assertThat(root.at("/versions/1/id").asText()).isEqualTo("v2.1");
        assertThat(root.at("/versions/1/min_version").asText()).isEqualTo("2.1");
        assertThat(root.at("/versions/1/version").asText()).isEqualTo("2.79");
        InovaHttp.Answer v21 = http.send("GET", "/compute/v2.1/", null, "compute 2.60");
        assertThat(v21.body().at("/version/version").asText()).isEqualTo("2.79");
        assertThat(v21.header("OpenStack-API-Version")).isEqualTo("compute 2.60");
    }

    @Test
    void networksNoneIsValidOnlyFrom237AndRequiredThere() throws Exception {
        InovaHttp.Answer old = http.compute("POST", "/servers", serverBody("a", "\"none\""), "2.36");
        assertThat(old.status()).isEqualTo(400);
        assertThat(old.body().at("/badRequest/message").asText()).isEqualTo(
                "Invalid input for field/attribute networks. Value: none. 'none' is not of type 'array'");

        InovaHttp.Answer missing = http.compute("POST", "/servers", serverBody("a", null), "2.37");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().at("/badRequest/message").asText()).endsWith("'networks' is a required property");

        InovaHttp.Answer auto = http.compute("POST", "/servers", serverBody("a", "\"auto\""), "2.60");
        assertThat(auto.status()).isEqualTo(400);
        assertThat(auto.body().at("/badRequest/message").asText()).startsWith(
                "Unable to automatically allocate a network for project");

        assertThat(http.compute("POST", "/servers", serverBody("a", "\"none\""), "2.37").status()).isEqualTo(202);
        assertThat(http.compute("POST", "/servers", serverBody("b", null), "2.36").status()).isEqualTo(202);
    }

    @Test
    void aServerBuildsThenIsActiveWithALoopbackAddressAndItsMetadata() throws Exception {
        String id = boot("api-1");
        JsonNode building = show(id);
        assertThat(building.get("status").asText()).isEqualTo("BUILD");
        assertThat(building.get("OS-EXT-STS:vm_state").asText()).isEqualTo("building");

        clock.advance(Duration.ofSeconds(30));

        JsonNode active = show(id);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.at("/addresses/private/0/addr").asText()).isEqualTo("127.64.0.1");
        assertThat(active.at("/metadata/inception:role").asText()).isEqualTo("nova-api");
        assertThat(active.at("/flavor/original_name").asText()).as("2.47+ embeds the flavor").isEqualTo("m1.small");
        assertThat(active.get("OS-EXT-SRV-ATTR:host").asText()).startsWith("inova-compute-");
        assertThat(sim.servers()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo("ACTIVE");
            assertThat(s.address()).isEqualTo("127.64.0.1");
        });
        JsonNode old = http.compute("GET", "/servers/" + id, null, "2.46").body().get("server");
        assertThat(old.at("/flavor/id").asText()).isEqualTo("2");
    }

    @Test
    void listFiltersByNameRegexAndStatus() throws Exception {
        boot("api-1");
        boot("api-2");
        boot("db-1");
        clock.advance(Duration.ofSeconds(30));

        JsonNode apis = http.compute("GET", "/servers?name=%5Eapi-", null, "2.60").body().get("servers");
        assertThat(apis.findValuesAsText("name")).containsExactlyInAnyOrder("api-1", "api-2");
        JsonNode active = http.compute("GET", "/servers/detail?status=ACTIVE", null, "2.60").body().get("servers");
        assertThat(active).hasSize(3);
        assertThat(http.compute("GET", "/servers/detail?status=ERROR", null, "2.60").body().get("servers")).isEmpty();
    }

    @Test
    void listsAreNewestFirstAndPageWithLimitAndMarker() throws Exception {
        boot("a");
        boot("b");
        boot("c");
        InovaHttp.Answer first = http.compute("GET", "/servers?limit=2", null, "2.60");
        assertThat(first.body().get("servers").findValuesAsText("name")).containsExactly("c", "b");
        String next = first.body().at("/servers_links/0/href").asText();
        assertThat(next).contains("limit=2&marker=");
        String marker = next.substring(next.indexOf("marker=") + 7);
        JsonNode rest = http.compute("GET", "/servers?limit=2&marker=" + marker, null, "2.60").body();
        assertThat(rest.get("servers").findValuesAsText("name")).containsExactly("a");
        assertThat(rest.has("servers_links")).isFalse();
        assertThat(http.compute("GET", "/servers?marker=nope", null, "2.60").body().at("/badRequest/message")
                .asText()).isEqualTo("marker [nope] not found");
    }

    @Test
    void deleteIs204ThenTheServerIsGoneWithNovasNotFound() throws Exception {
        String id = boot("api-1");
        assertThat(http.compute("DELETE", "/servers/" + id, null, "2.60").status()).isEqualTo(204);
        InovaHttp.Answer gone = http.compute("GET", "/servers/" + id, null, "2.60");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().toString()).isEqualTo("{\"itemNotFound\":{\"code\":404,\"message\":\"Instance " + id
                + " could not be found.\"}}");
    }

    @Test
    void quotaExceededIsNovas403AndMakesNothing() throws Exception {
        boot("a");
        boot("b");
        boot("c");
        InovaHttp.Answer over = http.compute("POST", "/servers", serverBody("d", "\"none\""), "2.60");
        assertThat(over.status()).isEqualTo(403);
        assertThat(over.body().toString()).isEqualTo("{\"forbidden\":{\"code\":403,\"message\":"
                + "\"Quota exceeded for instances: Requested 1, but already used 3 of 3 instances\"}}");
        assertThat(sim.servers()).hasSize(3);

        sim.faults().overrideQuota(new InovaSpec.Quota(10, 3, 80 * 1024));
        InovaHttp.Answer cores = http.compute("POST", "/servers", serverBody("d", "\"none\""), "2.60");
        assertThat(cores.body().at("/forbidden/message").asText())
                .isEqualTo("Quota exceeded for cores: Requested 1, but already used 3 of 3 cores");
        JsonNode limits = http.compute("GET", "/limits", null, "2.60").body().at("/limits/absolute");
        assertThat(limits.get("maxTotalCores").asInt()).isEqualTo(3);
        assertThat(limits.get("totalInstancesUsed").asInt()).isEqualTo(3);
    }

    @Test
    void anInjectedBootFaultEndsInErrorWithAFaultAndAHangNeverEnds() throws Exception {
        sim.faults().failBoots("^api-", 1, "Build of instance aborted: disk full");
        sim.faults().hangBoots("^db-", 1);
        String failed = boot("api-1");
        String hung = boot("db-1");
        String fine = boot("api-2");
        clock.advance(Duration.ofMinutes(50));

        JsonNode error = show(failed);
        assertThat(error.get("status").asText()).isEqualTo("ERROR");
        assertThat(error.at("/fault/code").asInt()).isEqualTo(500);
        assertThat(error.at("/fault/message").asText()).isEqualTo("Build of instance aborted: disk full");
        assertThat(error.get("addresses").isEmpty()).isTrue();
        assertThat(show(hung).get("status").asText()).isEqualTo("BUILD");
        assertThat(show(fine).get("status").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void aServerThatDiesLaterGoesToErrorOrShutoff() throws Exception {
        String a = boot("api-1");
        String b = boot("api-2");
        clock.advance(Duration.ofSeconds(30));
        sim.faults().kill("api-1", InovaFaults.Death.ERROR);
        sim.faults().killLater(b, InovaFaults.Death.SHUTOFF, Duration.ofMinutes(5));

        assertThat(show(a).get("status").asText()).isEqualTo("ERROR");
        assertThat(show(a).at("/fault/message").asText()).contains("is down");
        assertThat(show(b).get("status").asText()).isEqualTo("ACTIVE");
        clock.advance(Duration.ofMinutes(5));
        assertThat(show(b).get("status").asText()).isEqualTo("SHUTOFF");
        assertThat(show(b).get("OS-EXT-STS:power_state").asInt()).isEqualTo(4);
    }

    @Test
    void antiAffinityRefusesMoreMembersThanHosts() throws Exception {
        InovaHttp.Answer g = http.compute("POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"api\", \"policy\": \"anti-affinity\"}}", "2.64");
        assertThat(g.status()).isEqualTo(200);
        String group = g.body().at("/server_group/id").asText();
        sim.faults().overrideQuota(new InovaSpec.Quota(10, 40, 80 * 1024));
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String body = serverBody("api-" + i, "\"none\"").replaceFirst("}}$",
                    "}, \"os:scheduler_hints\": {\"group\": \"" + group + "\"}}");
            InovaHttp.Answer a = http.compute("POST", "/servers", body, "2.60");
            assertThat(a.status()).as(a.text()).isEqualTo(202);
            ids.add(a.body().at("/server/id").asText());
        }
        clock.advance(Duration.ofSeconds(30));

        List<String> hosts = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(show(ids.get(i)).get("status").asText()).isEqualTo("ACTIVE");
            hosts.add(show(ids.get(i)).get("OS-EXT-SRV-ATTR:host").asText());
        }
        assertThat(hosts).doesNotHaveDuplicates();
        JsonNode fourth = show(ids.get(3));
        assertThat(fourth.get("status").asText()).isEqualTo("ERROR");
        assertThat(fourth.at("/fault/message").asText()).isEqualTo(
                "No valid host was found. There are not enough hosts available.");
        JsonNode members = http.compute("GET", "/os-server-groups/" + group, null, "2.64").body()
                .at("/server_group/members");
        assertThat(members).hasSize(4);
    }

    @Test
    void aFullCloudEndsTheBuildInErrorWithNoValidHost() throws Exception {
        try (InovaSimulator small = InovaSimulator.start(InovaSpec.defaults().withBootDelay(Duration.ZERO)
                .withComputeHosts(List.of("only")).withCapacity(new InovaSpec.Capacity(2, 4096)))) {
            InovaHttp h = new InovaHttp(small).login();
            String img = h.get("/image/v2/images").body().at("/images/0/id").asText();
            for (String name : List.of("a", "b", "c")) {
                h.compute("POST", "/servers", "{\"server\": {\"name\": \"" + name + "\", \"flavorRef\": \"2\","
                        + " \"imageRef\": \"" + img + "\", \"networks\": \"none\"}}", "2.60");
            }
            assertThat(small.servers()).extracting(InovaSimulator.ServerInfo::name, InovaSimulator.ServerInfo::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("c", "ERROR"),
                            org.assertj.core.groups.Tuple.tuple("b", "ACTIVE"),
                            org.assertj.core.groups.Tuple.tuple("a", "ACTIVE"));
            assertThat(small.servers().get(0).faultMessage()).isEqualTo(Nova.NO_VALID_HOST);
        }
    }

    @Test
    void keyPairsAreGeneratedOrImportedListedAndDeleted() throws Exception {
        InovaHttp.Answer made = http.compute("POST", "/os-keypairs", "{\"keypair\": {\"name\": \"ops\"}}", "2.60");
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.body().at("/keypair/private_key").asText()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(made.body().at("/keypair/public_key").asText()).startsWith("ssh-rsa ");
        String pub = made.body().at("/keypair/public_key").asText();
        InovaHttp.Answer imported = http.compute("POST", "/os-keypairs",
                "{\"keypair\": {\"name\": \"ci\", \"public_key\": \"" + pub + "\"}}", "2.60");
        assertThat(imported.body().at("/keypair/fingerprint").asText())
                .isEqualTo(made.body().at("/keypair/fingerprint").asText()).matches("([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(http.compute("POST", "/os-keypairs", "{\"keypair\": {\"name\": \"ci\"}}", "2.60").status())
                .isEqualTo(409);
        assertThat(http.compute("GET", "/os-keypairs", null, "2.60").body().findValuesAsText("name"))
                .containsExactly("ops", "ci");
        assertThat(http.compute("DELETE", "/os-keypairs/ops", null, "2.60").status()).isEqualTo(204);
        assertThat(http.compute("GET", "/os-keypairs/ops", null, "2.60").status()).isEqualTo(404);
        InovaHttp.Answer noKey = http.compute("POST", "/servers", serverBody("x", "\"none\"")
                .replace("\"flavorRef\"", "\"key_name\": \"ops\", \"flavorRef\""), "2.60");
        assertThat(noKey.body().at("/badRequest/message").asText()).isEqualTo("Invalid key_name provided.");
    }

    @Test
    void metadataIsReplacedMergedAndReadPerKey() throws Exception {
        String id = boot("api-1");
        http.compute("POST", "/servers/" + id + "/metadata", "{\"metadata\": {\"inception:build\": \"b-7\"}}", "2.60");
        JsonNode md = http.compute("GET", "/servers/" + id + "/metadata", null, "2.60").body().get("metadata");
        assertThat(md.get("inception:build").asText()).isEqualTo("b-7");
        assertThat(md.get("inception:env").asText()).isEqualTo("qe");
        http.compute("PUT", "/servers/" + id + "/metadata", "{\"metadata\": {\"only\": \"this\"}}", "2.60");
        assertThat(http.compute("GET", "/servers/" + id + "/metadata", null, "2.60").body().get("metadata").toString())
                .isEqualTo("{\"only\":\"this\"}");
        assertThat(http.compute("GET", "/servers/" + id + "/metadata/nope", null, "2.60").status()).isEqualTo(404);
    }
}
