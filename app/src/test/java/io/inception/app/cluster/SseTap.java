package io.inception.app.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A server-sent-events stream read on a background thread: the lines it delivered so far. */
final class SseTap implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    SseTap(HttpClient http, String url, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").timeout(Duration.ofMinutes(5)).GET().build();
        response = http.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(lines::add));
    }

    /** Whether some {@code data:} line of an event holds every one of {@code parts}. */
    boolean delivered(String... parts) {
        return lines.stream().filter(l -> l.startsWith("data:")).anyMatch(l -> Stream.of(parts).allMatch(l::contains));
    }

    String seen() {
        return String.join("\n", lines);
    }

    @Override
    public void close() {
        response.thenAccept(r -> r.body().close());
        response.cancel(true);
    }
}
