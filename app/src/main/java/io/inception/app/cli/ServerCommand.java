package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.app.access.AuditTrail;
import io.inception.app.env.ControlPlaneWatch;
import io.inception.app.labs.LabNodes;
import io.inception.app.labs.XenPools;
import io.inception.xen.lab.LabService;
import io.inception.app.server.TrainServer;
import io.inception.engine.scheduler.TriggerScheduler;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.RepoFileServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import io.inception.app.promotion.EnvironmentFiles;
import io.inception.app.promotion.PromotionWiring;
import io.inception.app.web.WebApp;
import io.inception.app.web.WebServer;
import io.inception.app.web.WebServices;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Callable;

/** {@code inception server}. */
@Command(name = "server", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = {"Run Inception as a long-lived service until interrupted (Ctrl-C):",
                " - resumes every run a killed process left RUNNING, from its checkpoints;",
                " - starts the merge-train pipeline on the schedules and trunk-moved polls of the triggers file",
                "   (with --cluster: evaluated by one node of the cluster at a time, one run per trigger event);",
                " - serves the signed apt repository (snapshots builds/<id>, suites qe and staging) over HTTP (--listen);",
                " - serves the web UI, the JSON API, /metrics, /healthz and /readyz on a second port (--web);",
                " - replaces dead control VMs of every environment with a control-plane: section (--watch-every), audited."},
        footer = {"", "Triggers file (default environments/triggers.yaml):",
                "  triggers:",
                "    - {name: every-4h, cron: \"0 */4 * * *\"}",
                "    - {name: trunk, trunk-moved: {poll: 5m}}     # trunk from branches.yaml",
                "", "Examples:", "  inception server --env qe", "  inception server --db jdbc:postgresql://127.0.0.1:5432/inception",
                "  inception server --cluster --db jdbc:postgresql://db:5432/inception --node-id orch-1 --zones c1,c2"})
public final class ServerCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ConfigRepoOptions config = new ConfigRepoOptions();

    @Mixin
    io.inception.app.cluster.ClusterOptions cluster = new io.inception.app.cluster.ClusterOptions();

    @Option(names = "--pipeline", defaultValue = "trunk-to-qe", description = "Pipeline the triggers start (default: ${DEFAULT-VALUE}).")
    String pipeline;

    @Option(names = "--env", defaultValue = "qe", description = "Environment it runs on (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--triggers", paramLabel = "FILE", description = "Triggers file (default: environments/triggers.yaml of --repo's working tree).")
    Path triggers;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8480",
            description = "Where the apt repository is served over HTTP, under /apt/ (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
    String listen;

    @Option(names = "--web", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8481",
            description = "Where the web UI and JSON API listen (default: ${DEFAULT-VALUE}; port 0 picks a free one)."
                    + " Users: `inception users add`.")
    String web;

    @Option(names = "--lag-warn", paramLabel = "DURATION", defaultValue = "14d",
            description = "Warn when an environment lacks trunk commits older than this (default: ${DEFAULT-VALUE}).")
    String lagWarn;

    @Option(names = "--reap-every", paramLabel = "DURATION", defaultValue = "5m",
            description = "How often expired labs and leaked lab VMs are reaped, when a XenServer pool is configured"
                    + " (INCEPTION_XENAPI_URL; default: ${DEFAULT-VALUE}). With --cluster one node at a time reaps, every 5m.")
    String reapEvery;

    @Option(names = "--watch-every", paramLabel = "DURATION", defaultValue = "1m",
            description = "How often the control planes of the environments are checked and dead control VMs replaced"
                    + " (control-plane.watch: false exempts one; 0s turns the watcher off; default: ${DEFAULT-VALUE}).")
    String watchEvery;

    /**
     * The lab service when a XenServer pool is configured, else null: labs in the store's database,
     * builds and deletes queued as cluster work on {@code queue} (the store's database).
     */
    private static LabService labService(Inception inception, javax.sql.DataSource queue) {
        return LabNodes.fromEnvironment(inception.store(), inception.home().dir(), System.getenv(), Clock.systemUTC())
                .map(labs -> LabNodes.queued(labs, queue, Clock.systemUTC())).orElse(null);
    }

    /**
     * Who executes lab work: in a cluster its nodes (registered by --cluster's wiring); otherwise a node
     * of this server that runs lab work only, and resumes the builds a killed process left.
     */
    private static java.util.Optional<io.inception.cluster.ClusterNode> startLabNode(boolean clustered, LabService labs,
                                                                                  javax.sql.DataSource queue) {
        if (clustered || labs == null) return java.util.Optional.empty();
        io.inception.cluster.ClusterNode node = LabNodes.localNode(queue, labs, XenPools.fromEnvironment(System.getenv()),
                "server", Clock.systemUTC());
        System.out.println("inception server: lab builds and deletes run here (node " + node.config().nodeId() + ")");
        return java.util.Optional.of(node);
    }

    /** The web UI and API; environments are the files of environments/environments/ (their apt suites). */
    private WebServer startWeb(Inception inception, Packaging packaging, LabService labs, Path root, TrainServer train)
            throws Exception {
        List<String> environments = new ArrayList<>();
        Path envDir = root.resolve("environments/environments");
        if (Files.isDirectory(envDir)) {
            try (var files = Files.list(envDir)) {
                files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().forEach(environments::add);
            }
        }
        if (environments.isEmpty()) environments.addAll(List.of("qe", "staging"));
        EnvironmentFiles files = EnvironmentFiles.at(config.location(), config.ref());
        WebServices services = WebApp.services(inception.store(), packaging, files,
                PromotionWiring.environmentDeploy(inception.store(), inception.home().dir(), packaging, files, root,
                        Clock.systemUTC(), line -> System.out.println("promotion: " + line)), environments,
                Duration.ofSeconds(RunCommand.Durations.parse(lagWarn).toSeconds()), labs,
                inception.home().dir().resolve("cache/trunk"), inception.home().dir().resolve("runs"), Clock.systemUTC())
                .withRuns(train::start);
        WebServer server = WebServer.start(services, address(web), Duration.ofMinutes(5));
        System.out.println("inception server: web UI and API at " + server.url() + " (metrics at " + server.url()
                + "/metrics)");
        return server;
    }

    private static InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("wants HOST:PORT, e.g. 127.0.0.1:8481, not " + hostPort);
        return new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }

    /** The lab reaper of a single server: expired labs and VMs tagged by Inception that belong to no live lab. */
    private void startLabReaper(ScheduledExecutorService ticks, LabService labs) {
        if (labs == null) {
            System.out.println("inception server: no XenServer pool configured (" + XenPools.URL + "): lab reaper off");
            return;
        }
        long every = RunCommand.Durations.parse(reapEvery).toSeconds();
        ticks.scheduleWithFixedDelay(() -> {
            try {
                io.inception.app.labs.LabWorks.lines(labs.reap()).forEach(System.out::println);
            } catch (RuntimeException e) {
                System.out.println("lab reaper: " + e.getMessage());
            }
        }, every, every, java.util.concurrent.TimeUnit.SECONDS);
        System.out.println("inception server: lab reaper every " + every + " s");
    }

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(config.location());
        Path triggersFile = triggers != null ? triggers : root.resolve("environments/triggers.yaml");
        // the rollout stage's hosts read the repository this server serves on --listen
        java.util.Optional<String> aptUrl = listen.endsWith(":0") ? java.util.Optional.empty()
                : java.util.Optional.of("http://" + listen + "/apt");
        try (Inception inception = store.open(new Inception.Deployments(root, Path.of("").toAbsolutePath(),
                java.util.Optional.empty(), aptUrl, cluster.enabled()))) {
            TrainServer server = new TrainServer(inception, config.location(), config.ref(), pipeline, env,
                    triggersFile, Clock.systemUTC(), System.out);
            System.out.println("inception server: store " + inception.store().url().replaceAll("password=[^;&]*", "password=***")
                    + ", home " + inception.home().dir());
            int colon = listen.lastIndexOf(':');
            if (colon < 0) {
                System.err.println("inception server: --listen wants HOST:PORT, e.g. 127.0.0.1:8480");
                return 2;
            }
            Packaging packaging = inception.home().packaging(Clock.systemUTC());
            RepoFileServer apt = RepoFileServer.start(packaging.repository().root(),
                    new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1))), "apt");
            System.out.println("inception server: apt repository at " + apt.url() + " — a host's line: "
                    + packaging.sourcesLine(apt.url(), "qe"));
            javax.sql.DataSource labQueue = System.getenv(XenPools.URL) == null ? null
                    : io.inception.cluster.ClusterDatabase.dataSource(inception.store().connectionUrl().reveal());
            LabService labs = labQueue == null ? null : labService(inception, labQueue);
            WebServer webServer = startWeb(inception, packaging, labs, root, server);
            TriggerScheduler scheduler = server.scheduler();
            Duration watchPeriod = RunCommand.Durations.parse(watchEvery);
            AuditTrail audit = new AuditTrail(inception.store().audit(), Clock.systemUTC());
            java.util.function.Supplier<java.util.List<io.inception.inova.watch.ControlPlaneWatcher.Repair>> watch =
                    ControlPlaneWatch.watcher(inception.store(), config.location(), config.ref(), Clock.systemUTC())::tick;
            // in a cluster one node at a time watches the control planes (two would replace one dead VM twice)
            if (!watchPeriod.isZero()) {
                cluster.alsoSweep(new io.inception.cluster.Sweep(ControlPlaneWatch.SWEEP, watchPeriod,
                        () -> ControlPlaneWatch.tickOnce(watch, audit, System.out)));
            }
            // a cluster node hands stages to the cluster before resuming anything (a resume then queues the
            // stage), and ticks the triggers as a cluster sweep (one node at a time), not on its own
            boolean clustered = cluster.start(inception, config.location(), config.ref(), scheduler).isPresent();
            server.resumeInterrupted();
            java.util.Optional<io.inception.cluster.ClusterNode> labNode = startLabNode(clustered, labs, labQueue);
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            if (!clustered) {
                scheduler.start(ticks);
                startLabReaper(ticks, labs);
                ControlPlaneWatch.start(ticks, watch, audit, watchPeriod, System.out);
            } else if (!watchPeriod.isZero()) {
                System.out.println("inception server: control-plane watcher every " + watchPeriod.toSeconds()
                        + " s on one node of the cluster at a time");
            }
            System.out.println("inception server: ready (Ctrl-C stops; unfinished runs resume at the next start)");
            stop.await();
            ticks.shutdownNow();
            labNode.ifPresent(io.inception.cluster.ClusterNode::close);
            if (labQueue != null) io.inception.cluster.ClusterDatabase.close(labQueue);
            apt.close();
            webServer.close();
            return 0;
        }
    }
}
