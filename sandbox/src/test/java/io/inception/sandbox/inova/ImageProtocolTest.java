package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Glance v2: the default image, filters, create + upload → active, 404 page. */
class ImageProtocolTest {
    InovaSimulator sim;
    InovaHttp http;

    @BeforeEach
    void start() throws Exception {
        sim = InovaSimulator.start(InovaSpec.defaults());
        http = new InovaHttp(sim).login();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theDefaultImageIsListedAndFiltersApply() throws Exception {
        JsonNode images = http.get("/image/v2/images").body().get("images");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).get("name").asText()).isEqualTo("debian-12");
        assertThat(images.get(0).get("status").asText()).isEqualTo("active");
        assertThat(http.get("/image/v2/images?name=other").body().get("images")).isEmpty();
        assertThat(http.get("/image/v2/images?status=queued").body().get("images")).isEmpty();
        http.token = null;
        assertThat(http.get("/image").status()).isEqualTo(300);
        assertThat(http.get("/image").body().at("/versions/0/id").asText()).isEqualTo("v2.16");
    }

    @Test
    void anUploadedImageBecomesActiveWithItsChecksums() throws Exception {
        InovaHttp.Answer made = http.send("POST", "/image/v2/images", "{\"name\": \"control-plane\","
                + " \"disk_format\": \"qcow2\", \"container_format\": \"bare\", \"inception:build\": \"b-7\"}", null);
        assertThat(made.status()).isEqualTo(201);
        assertThat(made.body().get("status").asText()).isEqualTo("queued");
        String id = made.body().get("id").asText();
        byte[] data = "not really a disk".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(sim.imageUrl() + "/v2/images/" + id + "/file"))
                .header("X-Auth-Token", http.token).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(data)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(204);

        JsonNode image = http.get("/image/v2/images/" + id).body();
        assertThat(image.get("status").asText()).isEqualTo("active");
        assertThat(image.get("size").asLong()).isEqualTo(data.length);
        assertThat(image.get("checksum").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("MD5").digest(data)));
        assertThat(image.get("inception:build").asText()).isEqualTo("b-7");
        assertThat(http.get("/image/v2/images/" + id + "/file").text()).isEqualTo("not really a disk");
    }

    @Test
    void anUnknownImageIsGlances404() throws Exception {
        InovaHttp.Answer a = http.get("/image/v2/images/nope");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.text()).contains("No image found with ID nope");
    }
}
