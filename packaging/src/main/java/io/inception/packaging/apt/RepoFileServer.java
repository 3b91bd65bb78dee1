package io.inception.packaging.apt;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a repository folder read-only over HTTP (GET and HEAD, no listings, no dot files, nothing
 * outside the folder), enough for apt. A small stand-alone server for tests and simple setups;
 * {@code inception server} can serve the same folder as static files.
 */
public final class RepoFileServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final Path root;
    private final String prefix;

    private RepoFileServer(HttpServer server, ExecutorService executor, Path root, String prefix) {
        this.server = server;
        this.executor = executor;
        this.root = root;
        this.prefix = prefix;
    }

    /**
     * Starts serving {@code root} at {@code http://<address>/<prefix>/}.
     *
     * @param address e.g. {@code new InetSocketAddress("127.0.0.1", 0)} for any free loopback port
     * @param prefix  URL path prefix without slashes, e.g. {@code apt}
     */
    public static RepoFileServer start(Path root, InetSocketAddress address, String prefix) throws IOException {
        Path real = root.toRealPath();
        HttpServer server = HttpServer.create(address, 64);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "apt-file-server");
            t.setDaemon(true);
            return t;
        });
        RepoFileServer s = new RepoFileServer(server, executor, real, prefix);
        server.createContext("/" + prefix + "/", s::handle);
        server.setExecutor(executor);
        server.start();
        return s;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234/apt}. */
    public String url() {
        InetSocketAddress a = server.getAddress();
        return "http://" + a.getHostString() + ":" + a.getPort() + "/" + prefix;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String method = ex.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(ex.getRequestURI().getRawPath().substring(prefix.length() + 2));
            if (file == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            try (InputStream in = Files.newInputStream(file)) {
                long size = Files.size(file);
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                if (method.equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Length", Long.toString(size));
                    ex.sendResponseHeaders(200, -1);
                    return;
                }
                ex.sendResponseHeaders(200, size == 0 ? -1 : size);
                try (OutputStream out = ex.getResponseBody()) {
                    in.transferTo(out);
                }
            } catch (NoSuchFileException gone) {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    /** The file for a request path, or null when it is missing, hidden, a folder or outside the root. */
    private Path resolve(String rawPath) throws IOException {
        String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) return null;
        }
        Path p = root.resolve(path);
        if (!Files.isRegularFile(p)) return null;
        Path real;
        try {
            real = p.toRealPath();
        } catch (NoSuchFileException e) {
            return null;
        }
        return real.startsWith(root) ? real : null;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
