package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Draining a hypervisor through {@code os-services}, in the 2.53+ form and the older one. */
class ComputeServicesTest {
    InovaSimulator sim;
    InovaHttp http;

    @BeforeEach
    void start() throws Exception {
        sim = InovaSimulator.start(InovaSpec.defaults().withComputeHosts(List.of("c1-001", "c1-002"))
                .withBootDelay(Duration.ZERO));
        http = new InovaHttp(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    String uuidOf(String host) throws Exception {
        JsonNode list = http.compute("GET", "/os-services?binary=nova-compute&host=" + host, null, "2.60").body()
                .get("services");
        assertThat(list).hasSize(1);
        return list.get(0).get("id").asText();
    }

    @Test
    void everyComputeHostHasANovaComputeServiceBesideTheControlServices() throws Exception {
        JsonNode services = http.compute("GET", "/os-services", null, "2.60").body().get("services");
        assertThat(services.findValuesAsText("binary")).containsExactly("nova-scheduler", "nova-conductor",
                "nova-compute", "nova-compute");
        assertThat(services.get(2).get("host").asText()).isEqualTo("c1-001");
        assertThat(services.get(2).get("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(services.get(2).get("forced_down").asBoolean()).isFalse();
        assertThat(http.compute("GET", "/os-services", null, "2.52").body().at("/services/2/id").isInt()).isTrue();
    }

    @Test
    void disablingByUuidWithAReasonStopsPlacementOnThatHost() throws Exception {
        String id = uuidOf("c1-001");
        InovaHttp.Answer a = http.compute("PUT", "/os-services/" + id,
                "{\"status\": \"disabled\", \"disabled_reason\": \"rollout r-9 drains c1-001\"}", "2.60");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/service/status").asText()).isEqualTo("disabled");
        assertThat(a.body().at("/service/disabled_reason").asText()).isEqualTo("rollout r-9 drains c1-001");
        assertThat(sim.services()).contains(new InovaSimulator.ServiceInfo("c1-001", "nova-compute", false,
                "rollout r-9 drains c1-001", true));

        String image = http.get("/image/v2/images").body().at("/images/0/id").asText();
        for (int i = 0; i < 3; i++) {
            http.compute("POST", "/servers", "{\"server\": {\"name\": \"v" + i + "\", \"flavorRef\": \"1\","
                    + " \"imageRef\": \"" + image + "\", \"networks\": \"none\"}}", "2.60");
        }
        assertThat(sim.servers()).extracting(InovaSimulator.ServerInfo::host).containsOnly("c1-002");

        InovaHttp.Answer enabled = http.compute("PUT", "/os-services/" + id, "{\"status\": \"enabled\"}", "2.60");
        assertThat(enabled.body().at("/service/status").asText()).isEqualTo("enabled");
        assertThat(enabled.body().at("/service/disabled_reason").isNull()).isTrue();
    }

    @Test
    void before253TheHostAndBinaryFormsAreUsedAndTheUuidFormIsUnknown() throws Exception {
        InovaHttp.Answer a = http.compute("PUT", "/os-services/disable-log-reason",
                "{\"host\": \"c1-002\", \"binary\": \"nova-compute\", \"disabled_reason\": \"drain\"}", "2.11");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().toString()).isEqualTo("{\"service\":{\"host\":\"c1-002\",\"binary\":\"nova-compute\","
                + "\"status\":\"disabled\",\"disabled_reason\":\"drain\"}}");
        assertThat(http.compute("PUT", "/os-services/enable", "{\"host\": \"c1-002\", \"binary\": \"nova-compute\"}",
                "2.11").body().at("/service/status").asText()).isEqualTo("enabled");

        InovaHttp.Answer byUuid = http.compute("PUT", "/os-services/" + uuidOf("c1-002"),
                "{\"status\": \"disabled\"}", "2.52");
        assertThat(byUuid.status()).isEqualTo(404);
        assertThat(byUuid.body().at("/itemNotFound/message").asText()).isEqualTo("Unknown action");
        InovaHttp.Answer wrongAt253 = http.compute("PUT", "/os-services/disable",
                "{\"host\": \"c1-002\", \"binary\": \"nova-compute\"}", "2.53");
        assertThat(wrongAt253.status()).isEqualTo(400);
        assertThat(wrongAt253.body().at("/badRequest/message").asText()).isEqualTo("Invalid uuid disable");
        InovaHttp.Answer scheduler = http.compute("PUT", "/os-services/disable",
                "{\"host\": \"inova-control\", \"binary\": \"nova-scheduler\"}", "2.11");
        assertThat(scheduler.body().at("/badRequest/message").asText()).isEqualTo("Updating a nova-scheduler service"
                + " is not supported. Only nova-compute services can be updated.");
        InovaHttp.Answer enabledWithReason = http.compute("PUT", "/os-services/" + uuidOf("c1-002"),
                "{\"status\": \"enabled\", \"disabled_reason\": \"why\"}", "2.53");
        assertThat(enabledWithReason.body().at("/badRequest/message").asText())
                .isEqualTo("Specifying 'disabled_reason' with status 'enabled' is invalid.");
    }

    @Test
    void liveServicesKeepReportingAndADownOneStops() throws Exception {
        ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-27T05:00:03Z"));
        try (InovaSimulator s = InovaSimulator.start(InovaSpec.defaults().withClock(clock)
                .withComputeHosts(List.of("a", "b")))) {
            InovaHttp h = new InovaHttp(s).login();
            clock.advance(Duration.ofSeconds(60));
            s.faults().computeHostDown("b", true);
            clock.advance(Duration.ofSeconds(60));
            JsonNode list = h.compute("GET", "/os-services?binary=nova-compute", null, "2.60").body().get("services");
            assertThat(list.get(0).get("updated_at").asText()).isEqualTo("2026-11-27T05:02:00.000000");
            assertThat(list.get(1).get("updated_at").asText()).isEqualTo("2026-11-27T05:01:00.000000");
            assertThat(list.get(1).get("state").asText()).isEqualTo("down");
        }
    }

    @Test
    void aDownHostIsReportedDownAndSkipped() throws Exception {
        sim.faults().computeHostDown("c1-002", true);
        JsonNode s = http.compute("GET", "/os-services?host=c1-002", null, "2.60").body().at("/services/0");
        assertThat(s.get("state").asText()).isEqualTo("down");
        JsonNode hv = http.compute("GET", "/os-hypervisors/detail", null, "2.60").body().get("hypervisors");
        assertThat(hv.findValuesAsText("hypervisor_hostname")).containsExactly("c1-001", "c1-002");
        assertThat(hv.get(1).get("state").asText()).isEqualTo("down");
    }
}
