package io.inception.engine.store;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * The engine's durable store: runs, stage runs, logs, checkpoints, builds, artifacts and run locks.
 *
 * <p>Open it with {@link #openDefault(Path)} (an embedded H2 file database under the Inception home)
 * or {@link #open(String)} with a JDBC URL ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}).
 * Opening applies the Flyway migrations in {@code db/migration}. Thread-safe; close it once.
 */
public final class Store implements AutoCloseable {
    private final Jdbi jdbi;
    private final AutoCloseable pool;
    private final String url;
    private final Clock clock;
    private final RunRepository runs;
    private final StageRunRepository stages;
    private final StageLogRepository logs;
    private final CheckpointRepository checkpoints;
    private final BuildRepository builds;
    private final ArtifactIndex artifacts;
    private final RunLocks locks;
    private final StoredTriggerStates triggerStates;
    private final StoredRollouts rollouts;
    private final EnvironmentResources environmentResources;
    private final StoredPromotions promotions;
    private final StoredUsers users;
    private final AuditLog audit;
    private final StoredLabs labs;

    private Store(DataSource dataSource, AutoCloseable pool, String url, Clock clock) {
        this.url = url;
        this.clock = clock;
        this.pool = pool;
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        this.jdbi = Jdbi.create(dataSource);
        this.runs = new RunRepository(jdbi);
        this.stages = new StageRunRepository(jdbi);
        this.logs = new StageLogRepository(jdbi, clock);
        this.checkpoints = new CheckpointRepository(jdbi, clock);
        this.builds = new BuildRepository(jdbi, clock);
        this.artifacts = new ArtifactIndex(jdbi, clock);
        this.locks = new RunLocks(jdbi, clock);
        this.triggerStates = new StoredTriggerStates(jdbi, clock);
        this.rollouts = new StoredRollouts(jdbi, clock);
        this.environmentResources = new EnvironmentResources(jdbi, clock);
        this.promotions = new StoredPromotions(jdbi);
        this.users = new StoredUsers(jdbi);
        this.audit = new AuditLog(jdbi);
        this.labs = new StoredLabs(jdbi, clock);
    }

    /** The Inception home: {@code $INCEPTION_HOME}, or {@code ./.inception} when unset. */
    public static Path defaultHome() {
        String env = System.getenv("INCEPTION_HOME");
        return (env == null || env.isBlank() ? Path.of(".inception") : Path.of(env)).toAbsolutePath();
    }

    /**
     * The JDBC URL of the embedded database under {@code home}. {@code AUTO_SERVER=TRUE} lets a second
     * process (the CLI next to a running server) use the same file safely through the first one;
     * {@code WRITE_DELAY=0} makes every commit reach the file before it returns, so a committed
     * checkpoint survives {@code kill -9}. The {@code async:} file system keeps the database usable
     * when a thread is interrupted during a write (a cancelled or timed-out stage writing its log);
     * with plain {@code file:} such an interrupt closes the database for every thread.
     */
    public static String defaultUrl(Path home) {
        Path file = home.toAbsolutePath().resolve("db").resolve("inception");
        return "jdbc:h2:async:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    /** Opens (creating if needed) the embedded H2 file database under {@code home}. */
    public static Store openDefault(Path home) {
        return open(defaultUrl(home));
    }

    /** Opens the database at {@code jdbcUrl} without credentials (H2, or PostgreSQL with trust/peer auth). */
    public static Store open(String jdbcUrl) {
        return open(jdbcUrl, null, null, Clock.systemUTC());
    }

    /**
     * Opens the database at {@code jdbcUrl}.
     *
     * @param user     user name, or null
     * @param password password, or null; never logged
     * @param clock    the clock used for timestamps the store sets itself (logs, heartbeats)
     */
    public static Store open(String jdbcUrl, String user, String password, Clock clock) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(clock, "clock");
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl,
                    user == null ? "sa" : user, password == null ? "" : password);
            pool.setMaxConnections(32);
            return openOrClose(pool, pool::dispose, jdbcUrl, clock);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(jdbcUrl);
            if (user != null) ds.setUser(user);
            if (password != null) ds.setPassword(password);
            return openOrClose(ds, () -> { }, jdbcUrl, clock);
        }
        throw new IllegalArgumentException("unsupported store URL '" + redact(jdbcUrl)
                + "': use jdbc:h2:file:<path> or jdbc:postgresql://<host>:<port>/<db>");
    }

    private static Store openOrClose(DataSource ds, AutoCloseable pool, String url, Clock clock) {
        try {
            return new Store(ds, pool, url, clock);
        } catch (RuntimeException e) {
            try {
                pool.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException("cannot open store " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    /** The URL with any password parameter masked, for messages. */
    static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public RunRepository runs() {
        return runs;
    }

    public StageRunRepository stages() {
        return stages;
    }

    public StageLogRepository logs() {
        return logs;
    }

    public CheckpointRepository checkpoints() {
        return checkpoints;
    }

    public BuildRepository builds() {
        return builds;
    }

    public ArtifactIndex artifacts() {
        return artifacts;
    }

    public RunLocks locks() {
        return locks;
    }

    /** The scheduler's trigger memory ({@code TriggerStateStore}) backed by this store. */
    public StoredTriggerStates triggerStates() {
        return triggerStates;
    }

    /** The clock the store stamps its own rows with. */
    /** Rollouts and the state of their hosts. */
    public StoredRollouts rollouts() {
        return rollouts;
    }

    /** What modules made for each environment (control VMs, added cells) and the record of changes. */
    public EnvironmentResources environmentResources() {
        return environmentResources;
    }

    /** Promotions of builds between environments. */
    public StoredPromotions promotions() {
        return promotions;
    }

    /** Users, API tokens and sessions (secrets only as hashes). */
    public StoredUsers users() {
        return users;
    }

    /** Who changed what, when, from where. */
    public AuditLog audit() {
        return audit;
    }

    /** Self-service labs, fenced by generation (the lab module's records). */
    public StoredLabs labs() {
        return labs;
    }

    public Clock clock() {
        return clock;
    }

    /** Everything about one run, for {@code inception runs show}. */
    public java.util.Optional<RunDetails> details(String runId) {
        return runs.find(runId).map(run -> new RunDetails(run, stages.list(runId), logs.list(runId),
                artifacts.list(runId)));
    }

    /** Creates a run and its stage rows in one transaction (used by the executor). */
    public void createRun(NewRun newRun) {
        jdbi.useTransaction(h -> {
            runs.insert(h, newRun);
            stages.insertAll(h, newRun.run().id(), newRun.definition().stages());
        });
    }

    /** The JDBC URL, password masked. */
    public String url() {
        return redact(url);
    }

    /**
     * The JDBC URL as given, credentials included, for opening another pool on the same database (the
     * cluster's scheduler); {@link #url()} is the one to print.
     */
    public io.inception.engine.merge.Secret connectionUrl() {
        return new io.inception.engine.merge.Secret(url);
    }

    @Override
    public void close() {
        try {
            pool.close();
        } catch (Exception e) {
            throw new StoreException("closing store " + url() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Store[" + url() + "]";
    }
}
