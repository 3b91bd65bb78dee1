package io.inception.testing;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder served read-only over HTTP on 127.0.0.1 and a free port (e.g. a flat apt repository:
 * {@code deb [trusted=yes] http://127.0.0.1:PORT/ ./}); anything outside the folder is 404.
 */
public final class FolderServer implements AutoCloseable {
    private final HttpServer server;

    private FolderServer(HttpServer server) {
        this.server = server;
    }

    /** Serves {@code folder} until {@link #close()}. */
    public static FolderServer serve(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                Path f = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                if (!f.startsWith(root) || !Files.isRegularFile(f)) {
                    exchange.sendResponseHeaders(404, -1);
                } else {
                    exchange.sendResponseHeaders(200, Files.size(f));
                    try (OutputStream out = exchange.getResponseBody()) {
                        Files.copy(f, out);
                    }
                }
                exchange.close();
            });
            server.start();
            return new FolderServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + root, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT/}. */
    public String url() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
