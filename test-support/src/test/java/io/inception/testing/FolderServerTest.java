package io.inception.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class FolderServerTest {
    @TempDir
    Path dir;

    @Test
    void servesTheFolderAndNothingOutsideIt() throws Exception {
        Path pool = Files.createDirectories(dir.resolve("pool"));
        Files.writeString(pool.resolve("Packages"), "Package: nova-compute\n");
        Files.writeString(dir.resolve("secret.txt"), "outside");
        HttpClient http = HttpClient.newHttpClient();
        try (FolderServer server = FolderServer.serve(pool)) {
            HttpResponse<String> index = http.send(HttpRequest.newBuilder(URI.create(server.url() + "Packages")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.body()).isEqualTo("Package: nova-compute\n");
            assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "..%2Fsecret.txt")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(server.url() + "missing")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }
}
