package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.app.server.TrainServer;
import io.inception.engine.scheduler.TriggerScheduler;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.RepoFileServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.InetSocketAddress;
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
                " - starts the merge-train pipeline on the schedules and trunk-moved polls of the triggers file;",
                " - serves the signed apt repository (snapshots builds/<id>, suites qe and staging) over HTTP."},
        footer = {"", "Triggers file (default environments/triggers.yaml):",
                "  triggers:",
                "    - {name: every-4h, cron: \"0 */4 * * *\"}",
                "    - {name: trunk, trunk-moved: {poll: 5m}}     # trunk from branches.yaml",
                "", "Examples:", "  inception server --env qe", "  inception server --db jdbc:postgresql://127.0.0.1:5432/inception"})
public final class ServerCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ConfigRepoOptions config = new ConfigRepoOptions();

    @Option(names = "--pipeline", defaultValue = "trunk-to-qe", description = "Pipeline the triggers start (default: ${DEFAULT-VALUE}).")
    String pipeline;

    @Option(names = "--env", defaultValue = "qe", description = "Environment it runs on (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--triggers", paramLabel = "FILE", description = "Triggers file (default: environments/triggers.yaml of --repo's working tree).")
    Path triggers;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8480",
            description = "Where the apt repository is served over HTTP, under /apt/ (default: ${DEFAULT-VALUE}; port 0 picks a free one).")
    String listen;

    @Override
    public Integer call() throws Exception {
        Path root = Path.of(config.location());
        Path triggersFile = triggers != null ? triggers : root.resolve("environments/triggers.yaml");
        try (Inception inception = store.open()) {
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
            server.resumeInterrupted();
            TriggerScheduler scheduler = server.scheduler();
            ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
            CountDownLatch stop = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
            scheduler.start(ticks);
            System.out.println("inception server: ready (Ctrl-C stops; unfinished runs resume at the next start)");
            stop.await();
            ticks.shutdownNow();
            apt.close();
            return 0;
        }
    }
}
