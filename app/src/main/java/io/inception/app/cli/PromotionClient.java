package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.engine.store.EngineJson;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code inception promote --server URL}: the promotion API of a running {@code inception server} with an API
 * token. A promote / approve / rollback answers 202 at once; {@link #follow} then polls
 * {@code GET /api/promotions/{id}} and prints each new step until the promotion ends.
 */
final class PromotionClient {
    /** An HTTP answer: its status and JSON body. */
    record Answer(int status, JsonNode body) {
        String message() {
            return body.path("message").asText(body.path("error").asText(""));
        }

        String promotionId() {
            return body.path("promotion").path("id").asText(null);
        }
    }

    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    PromotionClient(String base, String token) {
        this.base = base.replaceAll("/+$", "");
        this.token = token;
    }

    Answer post(String path, Map<String, Object> body) {
        try {
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(EngineJson.mapper().writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer get(String path) {
        return send(request(path).GET().build());
    }

    /** The promotion page's address, for people. */
    String page(String promotionId) {
        return base + "/promotions/" + promotionId;
    }

    /**
     * Polls promotion {@code id} every {@code every} until it ends or {@code patience} passed, printing each new
     * step to {@code out}; returns its last state ({@code promotion}, {@code complete}, {@code progress}).
     */
    JsonNode follow(String id, Duration every, Duration patience, PrintStream out) throws InterruptedException {
        int[] printed = {0};
        JsonNode[] last = {null};
        Waited<JsonNode> done = WaitStrategy.of(patience, every).poll("promotion " + id + " to end", () -> {
            Answer a = get("/api/promotions/" + id);
            if (a.status() != 200) throw new IllegalStateException("GET /api/promotions/" + id + ": " + a.status() + " "
                    + a.message());
            last[0] = a.body();
            JsonNode steps = a.body().path("progress");
            for (; printed[0] < steps.size(); printed[0]++) out.println("  " + steps.get(printed[0]).asText());
            return a.body().path("complete").asBoolean() ? Optional.of(a.body()) : Optional.empty();
        }, () -> last[0] == null ? "nothing" : last[0].path("promotion").path("status").asText() + ": "
                + last[0].path("promotion").path("message").asText());
        if (done instanceof Waited.Reached<JsonNode> r) return r.value();
        throw new IllegalStateException(((Waited.TimedOut<JsonNode>) done).message() + "; it goes on on the server: "
                + page(id));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = r.body().isBlank() ? EngineJson.mapper().createObjectNode() : EngineJson.mapper().readTree(r.body());
            return new Answer(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the Inception server at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + base, e);
        }
    }
}
