package io.inception.app.demo;

import io.inception.app.Inception;
import io.inception.app.promotion.EnvironmentFiles;
import io.inception.app.promotion.PromotionWiring;
import io.inception.app.web.WebApp;
import io.inception.app.web.WebServer;
import io.inception.packaging.Packaging;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The web UI and API over the demo's store while the demo runs (the rollout grid updates live), the same
 * server {@code inception server --web} starts: builds and their value stream, runs, rollouts, promotions,
 * the audit log. The demo's environment files are read from its configuration repository.
 */
final class DemoWeb {
    private DemoWeb() {
    }

    /** Starts it at {@code address}; when that port is taken, on a free one. */
    static WebServer start(Inception inception, Path config, Path sourceRoot, InetSocketAddress address, Clock clock,
                           Consumer<String> progress) {
        Packaging packaging = inception.home().packaging(clock);
        EnvironmentFiles files = EnvironmentFiles.at(config.toString(), "master");
        var services = WebApp.services(inception.store(), packaging, files,
                PromotionWiring.environmentDeploy(inception.store(), inception.home().dir(), packaging, files, sourceRoot,
                        clock, progress), List.of("local", "qe", "staging"), Duration.ofDays(14), null,
                inception.home().dir().resolve("cache/trunk"), inception.home().dir().resolve("runs"), clock);
        try {
            return WebServer.start(services, address, Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            if (!portTaken(e) || address.getPort() == 0) throw e;
            return WebServer.start(services, new InetSocketAddress(address.getHostString(), 0), Duration.ofMinutes(1));
        }
    }

    /** Javalin reports a taken port as its own JavalinBindException around the BindException. */
    private static boolean portTaken(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException || t.getClass().getSimpleName().contains("BindException")) return true;
        }
        return false;
    }
}
