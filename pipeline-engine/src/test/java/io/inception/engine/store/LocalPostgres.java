package io.inception.engine.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for integration tests, from Debian's {@code postgresql} package: a fresh
 * cluster ({@code initdb}) in a temp folder, started with {@code pg_ctl} on a free loopback port
 * with trust authentication, stopped and deleted by {@link #close()}. As root, the server programs
 * run as the {@code postgres} system user through {@code runuser} (initdb refuses root).
 *
 * <p>If PostgreSQL is missing or does not start, {@link #start()} throws with the server log's tail:
 * a test that needs it fails, it is never skipped. Install it with {@code apt-get install -y postgresql}.
 */
public final class LocalPostgres implements AutoCloseable {
    private static final String SUPERUSER = "postgres";

    private final Path root;
    private final Path bin;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread shutdownHook;
    private boolean stopped;

    private LocalPostgres(Path root, Path bin, int port, boolean asPostgresUser) {
        this.root = root;
        this.bin = bin;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::stopQuietly, "local-postgres-stop");
    }

    /** Creates a cluster and starts it; the caller closes it. */
    private static LocalPostgres shared;
    private static final java.util.concurrent.atomic.AtomicInteger DATABASES = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * One server for every test class of this JVM (started on first use, stopped by the shutdown
     * hook): starting a cluster costs seconds, a database costs milliseconds.
     */
    public static synchronized LocalPostgres shared() {
        if (shared == null) shared = start();
        return shared;
    }

    /** A new, empty database named {@code <prefix>_<n>}; returns its JDBC URL. */
    public String newDatabase(String prefix) {
        return createDatabase(prefix + "_" + DATABASES.incrementAndGet());
    }

    public static LocalPostgres start() {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir;
        try {
            dir = Files.createTempDirectory("inception-pg-");
            if (root) chownToPostgres(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot make a folder for PostgreSQL: " + e.getMessage(), e);
        }
        LocalPostgres pg = new LocalPostgres(dir, bin, freePort(), root);
        try {
            pg.initAndStart();
        } catch (RuntimeException e) {
            pg.stopQuietly();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(pg.shutdownHook);
        return pg;
    }

    private void initAndStart() {
        Path data = root.resolve("data");
        run(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--no-sync", "--no-instructions"), 120);
        Path log = root.resolve("server.log");
        String options = "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off"
                + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", log.toString(), "-o", options,
                "-w", "-t", "60", "start"), 90);
    }

    /** Runs a server program (as postgres when we are root); throws with its output and the log tail. */
    private void run(List<String> command, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) full.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
        full.addAll(command);
        Path out = root.resolve("command.out");
        try {
            Process p = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("PostgreSQL: '" + String.join(" ", full) + "' did not finish in "
                        + timeoutSeconds + " s" + tails(out));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL: '" + String.join(" ", full) + "' exited with "
                        + p.exitValue() + tails(out));
            }
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL: cannot run '" + String.join(" ", full) + "': "
                    + e.getMessage() + tails(out), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + full, e);
        }
    }

    private String tails(Path commandOutput) {
        return "\n--- command output ---\n" + tail(commandOutput) + "\n--- server.log ---\n"
                + tail(root.resolve("server.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    /** Creates an empty database and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("database name " + name);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage()
                    + "\n--- server.log ---\n" + tail(root.resolve("server.log")), e);
        }
        return jdbcUrl(name);
    }

    /** The JDBC URL of {@code database} on this server (user postgres, trust auth). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + SUPERUSER;
    }

    public int port() {
        return port;
    }

    /** Stops the server this object started and deletes its folder. */
    @Override
    public synchronized void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private synchronized void stopQuietly() {
        if (stopped) return;
        stopped = true;
        Path data = root.resolve("data");
        if (Files.exists(data.resolve("postmaster.pid"))) {
            try {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w",
                        "-t", "30", "stop"), 40);
            } catch (RuntimeException e) {
                System.err.println("LocalPostgres: stop failed: " + e.getMessage());
            }
        }
        deleteTree(root);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("LocalPostgres: cannot delete " + dir + ": " + e.getMessage());
        }
    }

    private static Path findBin() {
        Path base = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(base)) {
            try (Stream<Path> versions = Files.list(base)) {
                Path found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparing(b -> versionOf(b.getParent())))
                        .orElse(null);
                if (found != null) return found;
            } catch (IOException e) {
                throw new IllegalStateException("cannot list " + base + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("PostgreSQL server programs not found under " + base
                + " (initdb, pg_ctl): install them with 'apt-get install -y postgresql'");
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void chownToPostgres(Path dir) throws IOException {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(dir, users.lookupPrincipalByName(SUPERUSER));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port: " + e.getMessage(), e);
        }
    }
}
