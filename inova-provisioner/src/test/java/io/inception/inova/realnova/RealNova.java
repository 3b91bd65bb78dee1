package io.inception.inova.realnova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.engine.merge.Secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenStack Zed control plane (Keystone, Nova with 5 fake-driver computes, Glance, Placement,
 * a read-only Neutron stub) from Debian 12's own packages on 127.0.0.1, started by
 * {@code scripts/openstack-zed/zed.sh} for integration tests.
 *
 * <p><b>Lifecycle.</b> {@link #shared()} starts it once per JVM (Failsafe runs a module's ITs in one
 * JVM, so once per module per test run; ≈ 85 s on an idle 2-core machine) and a shutdown hook runs
 * {@code zed.sh stop}, which stops exactly the processes it started. Every start is fresh (new
 * databases, new random passwords). If it cannot start, {@code shared()} throws with the start log's
 * tail (naming what was awaited and the failing service's log), and every later call rethrows the
 * same failure at once: tests fail, they are never skipped.
 *
 * <p><b>Where.</b> State and logs are in {@code /var/tmp/inception-zed-<hash of the checkout>} (one
 * per checkout, wiped by each start, kept after stop for reading the logs); the 8 ports are a free
 * block below 32768 chosen at start. Override with {@code INCEPTION_ZED_STATE_DIR},
 * {@code INCEPTION_ZED_BASE_PORT}, {@code INCEPTION_ZED_START_TIMEOUT} (seconds, default 600).
 *
 * <p><b>Developer reuse.</b> With {@code INCEPTION_ZED_REUSE=1} a running instance of this checkout
 * (healthy {@code zed.sh status}) is reused and nothing is stopped at exit, so repeated local runs
 * skip the start; stop it with {@code ZED_STATE_DIR=... scripts/openstack-zed/zed.sh stop}. CI never
 * sets it.
 *
 * <p>The packages come from {@code zed.sh install} (test.sh installs them).
 */
public final class RealNova {
    private static final String SCRIPT = "scripts/openstack-zed/zed.sh";
    private static final int PORTS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RealNova shared;
    private static IllegalStateException failure;

    /** The admin account (project {@code admin}) for what the Inception user should not do. */
    public record Admin(String username, Secret password, String project) {
    }

    private final URI authUrl;
    private final String region;
    private final String domain;
    private final String project;
    private final String username;
    private final Secret password;
    private final Admin admin;
    private final List<String> computeHosts;
    private final List<String> flavors;
    private final String image;
    private final Map<String, URI> endpoints;
    private final Path stateDir;

    private RealNova(JsonNode e) {
        authUrl = URI.create(e.path("auth_url").asText());
        region = e.path("region").asText();
        domain = e.path("domain").asText();
        project = e.path("project").asText();
        username = e.path("username").asText();
        password = new Secret(e.path("password").asText());
        JsonNode a = e.path("admin");
        admin = new Admin(a.path("username").asText(), new Secret(a.path("password").asText()),
                a.path("project").asText());
        computeHosts = texts(e.path("compute_hosts"));
        flavors = texts(e.path("flavors"));
        image = e.path("image").asText();
        Map<String, URI> urls = new LinkedHashMap<>();
        e.path("endpoints").fields().forEachRemaining(f -> urls.put(f.getKey(), URI.create(f.getValue().asText())));
        endpoints = Map.copyOf(urls);
        stateDir = Path.of(e.path("state_dir").asText());
    }

    /** Reads what {@code zed.sh start} wrote to {@code <state dir>/endpoints.json}. */
    static RealNova fromEndpointsJson(String json) {
        try {
            return new RealNova(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("endpoints.json of zed.sh is not JSON", e);
        }
    }

    /** The instance of this JVM: started on first use, stopped when the JVM exits. */
    public static synchronized RealNova shared() {
        if (shared != null) return shared;
        if (failure != null) throw new IllegalStateException(failure.getMessage(), failure);
        try {
            shared = Launcher.fromEnvironment().startOrReuse();
            return shared;
        } catch (IllegalStateException e) {
            failure = e;
            throw e;
        }
    }

    /** Keystone v3 auth URL, e.g. {@code http://127.0.0.1:23410/v3}. */
    public URI authUrl() {
        return authUrl;
    }

    /** The Inception user's name ({@code inception}; roles {@code member} and {@code admin} on its project). */
    public String username() {
        return username;
    }

    public Secret password() {
        return password;
    }

    /** The Inception user's project ({@code inception}). */
    public String project() {
        return project;
    }

    /** User and project domain name ({@code Default}). */
    public String domain() {
        return domain;
    }

    public String region() {
        return region;
    }

    public Admin admin() {
        return admin;
    }

    /** The nova-compute hosts ({@code compute-1} … {@code compute-5}), all up, mapped and in placement. */
    public List<String> computeHosts() {
        return computeHosts;
    }

    /** Public flavors: m1.tiny (1 vCPU, 512 MiB, 1 GB), m1.small, m1.medium, m1.large. */
    public List<String> flavors() {
        return flavors;
    }

    /** The name of the one public image (a few bytes, raw/bare). */
    public String image() {
        return image;
    }

    /** Catalogue URLs by service type: identity, compute, image, placement, network. */
    public Map<String, URI> endpoints() {
        return endpoints;
    }

    /** Where the services' logs are: {@code <state dir>/log/<service>.log}. */
    public Path logDir() {
        return stateDir.resolve("log");
    }

    /**
     * Environment for {@code /usr/bin/openstack} as the Inception user (or the admin), with
     * {@code OS_COMPUTE_API_VERSION=2.60}. It holds the password: pass it to a process, never print it.
     */
    public Map<String, String> cliEnvironment(boolean asAdmin) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OS_AUTH_URL", authUrl.toString());
        env.put("OS_IDENTITY_API_VERSION", "3");
        env.put("OS_USER_DOMAIN_NAME", domain);
        env.put("OS_PROJECT_DOMAIN_NAME", domain);
        env.put("OS_REGION_NAME", region);
        env.put("OS_USERNAME", asAdmin ? admin.username() : username);
        env.put("OS_PASSWORD", (asAdmin ? admin.password() : password).reveal());
        env.put("OS_PROJECT_NAME", asAdmin ? admin.project() : project);
        env.put("OS_COMPUTE_API_VERSION", "2.60");
        return env;
    }

    /** The last {@code lines} lines of one service's log (e.g. {@code nova-compute-3}), for failure messages. */
    public String logTail(String service, int lines) {
        return tail(logDir().resolve(service + ".log"), lines);
    }

    @Override
    public String toString() {
        return "RealNova[" + authUrl + ", user " + username + "/" + project + ", password " + password
                + ", computes " + computeHosts + ", state " + stateDir + "]";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    /** Runs zed.sh; separate from the value so the value can be made from JSON in unit tests. */
    private record Launcher(Path script, Path stateDir, String basePort, Duration timeout, boolean reuse) {

        static Launcher fromEnvironment() {
            Path root = repositoryRoot(Path.of("").toAbsolutePath());
            String dir = System.getenv("INCEPTION_ZED_STATE_DIR");
            Path state = dir != null && !dir.isBlank() ? Path.of(dir)
                    : Path.of("/var/tmp/inception-zed-" + shortHash(root.toString()));
            String timeout = System.getenv().getOrDefault("INCEPTION_ZED_START_TIMEOUT", "600");
            return new Launcher(root.resolve(SCRIPT), state, System.getenv("INCEPTION_ZED_BASE_PORT"),
                    Duration.ofSeconds(Long.parseLong(timeout)), "1".equals(System.getenv("INCEPTION_ZED_REUSE")));
        }

        RealNova startOrReuse() {
            Path endpoints = stateDir.resolve("endpoints.json");
            if (reuse && Files.exists(endpoints) && run("status", Duration.ofSeconds(60), null) == 0) {
                return read(endpoints);
            }
            String base = basePort != null && !basePort.isBlank() ? basePort : String.valueOf(freePortBlock());
            Path log = stateDir.resolveSibling(stateDir.getFileName() + ".start.log");
            if (!reuse) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> run("stop", Duration.ofSeconds(180), null),
                        "zed-stop"));
            }
            int rc = run("start", timeout.plusSeconds(60), log, "ZED_BASE_PORT", base,
                    "ZED_START_TIMEOUT", String.valueOf(timeout.toSeconds()));
            if (rc != 0) {
                throw new IllegalStateException("The real OpenStack Zed (" + script + " start, state "
                        + stateDir + ", ports from " + base + ") did not start: exit " + rc
                        + ". Last lines of " + log + ":\n" + tail(log, 80));
            }
            return read(endpoints);
        }

        private static RealNova read(Path endpoints) {
            try {
                return fromEndpointsJson(Files.readString(endpoints));
            } catch (IOException e) {
                throw new IllegalStateException("zed.sh start succeeded but " + endpoints + " cannot be read", e);
            }
        }

        /** Runs zed.sh COMMAND with output to {@code log} (or discarded); the exit code, or -1 on timeout. */
        private int run(String command, Duration limit, Path log, String... env) {
            ProcessBuilder pb = new ProcessBuilder(script.toString(), command).redirectErrorStream(true);
            pb.environment().put("ZED_STATE_DIR", stateDir.toString());
            for (int i = 0; i < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
            pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
            try {
                Process p = pb.start();
                if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroy();
                    return -1;
                }
                return p.exitValue();
            } catch (IOException e) {
                throw new IllegalStateException("cannot run " + script + " " + command + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + script + " " + command, e);
            }
        }

        /** A block of {@value #PORTS} free ports on 127.0.0.1 below the kernel's ephemeral range. */
        private static int freePortBlock() {
            for (int attempt = 0; attempt < 200; attempt++) {
                int base = 20000 + 10 * ThreadLocalRandom.current().nextInt(1200);
                if (allFree(base)) return base;
            }
            throw new IllegalStateException("no block of " + PORTS + " free ports on 127.0.0.1 in 20000-32000");
        }

        private static boolean allFree(int base) {
            for (int port = base; port < base + PORTS; port++) {
                try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(false);
                } catch (IOException e) {
                    return false;
                }
            }
            return true;
        }

        private static Path repositoryRoot(Path start) {
            for (Path p = start; p != null; p = p.getParent()) {
                if (Files.isExecutable(p.resolve(SCRIPT))) return p;
            }
            throw new IllegalStateException(SCRIPT + " not found above " + start);
        }

        private static String shortHash(String text) {
            try {
                byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(d, 0, 4);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
