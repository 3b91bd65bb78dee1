package io.inception.app.demo;

import io.inception.app.Inception;
import io.inception.app.cli.RunProgress;
import io.inception.app.deploy.EnvironmentLogins;
import io.inception.app.web.WebServer;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.TrustOutcome;
import io.inception.engine.merge.BranchReport;
import io.inception.engine.merge.MergeReport;
import io.inception.engine.merge.MergeStatus;
import io.inception.engine.model.Build;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.RolloutSummary;
import io.inception.engine.unittest.UnitTestReport;
import io.inception.inova.stage.ProvisionOutput;
import io.inception.packaging.Packaging;
import io.inception.packaging.stage.PackageReport;
import io.inception.puppet.stage.PuppetStageReport;
import io.inception.smoke.run.SmokeReport;
import org.eclipse.jgit.api.errors.GitAPIException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The main job on the sandbox: sample repositories; the simulated cloud ({@link DemoSandbox}); the
 * {@code local} environment rendered for it into a configuration repository; the {@code trunk-to-qe}
 * pipeline read through git and run by the durable executor — merge train, unit tests, packages, the iNova
 * control plane of two cells, Puppet on it, the rollout over 200 hosts with one broken host rolled back,
 * the smoke suite with its Allure report; a developer's virtual lab; the report.
 */
public final class Demo {
    /** What the demo ran, for {@code --json} and for tests. */
    public record Result(Run run, Build build, MergeReport merge, UnitTestReport unitTests, PackageReport packages,
                         String aptLine, ProvisionOutput controlPlane, PuppetStageReport puppet, RolloutSummary rollout,
                         SmokeReport smoke, Path allureReport, DemoLab.Result lab, DemoPromotion.Result promotion,
                         String webUrl, String expectedCulprit, boolean culpritNamed, Path workDir) {
        public boolean ok() {
            return run.status() == ExecutionStatus.SUCCEEDED && culpritNamed && lab.lab() != null
                    && lab.reaped().expiredLabs().contains(lab.lab().id()) && promotion != null && promotion.ok();
        }
    }

    /**
     * The web UI while the demo runs.
     *
     * @param address where it listens (a taken port falls back to a free one); null: no web UI
     * @param serve   keep it (and the sandbox) up after the report until the process is interrupted
     */
    public record Web(java.net.InetSocketAddress address, boolean serve) {
        public static final Web NONE = new Web(null, false);
    }

    private final Function<Inception.Deployments, Inception> opener;
    private final Path home;
    private final Path sourceRoot;
    private final Clock clock;
    private final PrintStream out;
    private Web web = Web.NONE;

    /**
     * @param opener opens Inception (its store, executor and stages) with the deploy stages reaching the
     *               demo's sandbox
     * @param home   Inception's home (the demo works under {@code <home>/demo})
     */
    public Demo(Function<Inception.Deployments, Inception> opener, Path home, Path sourceRoot, Clock clock, PrintStream out) {
        this.opener = opener;
        this.home = home;
        this.sourceRoot = sourceRoot;
        this.clock = clock;
        this.out = out;
    }

    /** Serves the web UI while the demo runs (and after it, with {@code serve}). */
    public Demo withWeb(Web web) {
        this.web = web;
        return this;
    }

    public Result run() throws IOException, GitAPIException, InterruptedException, TimeoutException {
        Path dir = home.resolve("demo");
        deleteTree(dir);
        step("sample repositories under " + dir);
        SampleRepos.Layout repos = new SampleRepos(clock).create(dir.resolve("repos"));
        out.printf("      trunk %s (master), custom branches: %s%n", repos.trunk(),
                String.join(", ", repos.branches().stream().map(SampleRepos.Branch::name).toList()));
        Packaging packaging = new io.inception.app.InceptionHome(home).packaging(clock);
        try (DemoSandbox sandbox = DemoSandbox.start(dir.resolve("sandbox"), packaging, clock)) {
            step("sandbox: " + DemoSandbox.HOSTS + " compute hosts in cells c1, c2 behind real SSH (port "
                    + sandbox.fleet().port() + "), nova-compute " + DemoSandbox.PREVIOUS + "; iNova at "
                    + sandbox.inova().authUrl() + "; apt repository served at " + sandbox.aptUrl());
            out.println("      injected: " + DemoSandbox.BROKEN_HOST + " has a broken post-installation script");
            Path config = DemoConfigRepository.create(dir.resolve("config"), repos, sourceRoot, sandbox, clock);
            try (Inception inception = opener.apply(new Inception.Deployments(config, dir,
                    Optional.of(sandbox.inovaLogin()), Optional.of(sandbox.aptUrl())));
                 WebServer ui = web.address() == null ? null : DemoWeb.start(inception, config, sourceRoot, web.address(),
                         clock, line -> out.println("      web: " + line))) {
                if (ui != null) step("web UI at " + ui.url() + " (the rollout grid updates live; users and passwords of the demo"
                        + " in " + dir.resolve("demo-users.txt") + " once the promotion step made them)");
                Result result = run(inception, config, repos, dir, ui == null ? null : ui.url());
                if (web.serve()) serveUntilInterrupted(ui, sandbox);
                return result;
            }
        }
    }

    private Result run(Inception inception, Path config, SampleRepos.Layout repos, Path dir, String webUrl)
            throws InterruptedException, TimeoutException, IOException, GitAPIException {
        PipelineDef pipeline;
        EnvironmentFile environment;
        try (PipelineRepository repo = PipelineRepository.open(config.toString())) {
            PipelineSnapshot snapshot = repo.at("master");
            pipeline = snapshot.pipeline("trunk-to-qe");
            environment = snapshot.environment("local");
        }
        step("pipeline " + pipeline.name() + " read through git at " + pipeline.commit().substring(0, 7) + " ("
                + pipeline.stages().size() + " stages: "
                + String.join(", ", pipeline.stages().stream().map(s -> s.name()).toList()) + ")");
        EnvironmentLogins logins = new EnvironmentLogins(inception.home().dir().resolve("known_hosts"), dir, System::getenv);
        List<TrustOutcome> trust = HostTrust.enrol(logins.settings(environment), EnvironmentTargets.hosts(environment));
        step("hosts trust local: " + trust.stream().filter(t -> t instanceof TrustOutcome.Recorded).count()
                + " host keys recorded in " + logins.settings(environment).knownHosts() + ", "
                + trust.stream().filter(t -> t instanceof TrustOutcome.AlreadyTrusted).count() + " already trusted");

        String runId = inception.executor().start(pipeline, environment.toEnvironment(),
                RunOptions.defaults().withTarget(environment.name()));
        step("run " + runId + " on environment " + environment.name());
        Run run = new RunProgress(inception.store(), out).follow(inception.executor(), runId, Duration.ofMinutes(10));

        var stages = inception.store().stages();
        Build build = run.buildId() == null ? null : inception.store().builds().find(run.buildId()).orElse(null);
        MergeReport merge = stages.output(runId, "merge", MergeReport.class).orElse(null);
        UnitTestReport tests = stages.output(runId, "unit-test", UnitTestReport.class).orElse(null);
        PackageReport packages = stages.output(runId, "package", PackageReport.class).orElse(null);
        ProvisionOutput plane = stages.output(runId, "provision", ProvisionOutput.class).orElse(null);
        PuppetStageReport puppet = stages.output(runId, "puppet", PuppetStageReport.class).orElse(null);
        RolloutSummary rollout = stages.output(runId, "rollout", RolloutSummary.class).orElse(null);
        SmokeReport smoke = stages.output(runId, "smoke", SmokeReport.class).orElse(null);
        Packaging apt = inception.home().packaging(clock);
        String aptLine = packages == null || packages.suite() == null ? null
                : apt.sourcesLine(apt.repository().root().toUri().toString().replaceAll("/$", ""), packages.suite());
        Path allure = smoke == null ? null : allureIndex(Path.of(smoke.allureResults()).getParent());
        boolean culpritNamed = merge != null && merge.branches().stream()
                .filter(Demo::conflicted)
                .flatMap(b -> b.culprits().stream())
                .anyMatch(c -> c.sha().equals(repos.culpritSha()));
        step("virtual lab: nested XenServer hosts on the simulated physical pool, for developer demo-dev");
        DemoLab.Result lab = DemoLab.run(sourceRoot.resolve("environments/labs"), dir.resolve("labs"), clock, out);
        DemoPromotion.Result promotion = null;
        if (build != null && smoke != null && smoke.passed()) {
            promotion = new DemoPromotion(inception, dir, config, clock, out).run(build.id(), environment.name());
        } else {
            step("promotion to staging: not attempted, the build did not pass QE's smoke suite");
        }
        Result result = new Result(run, build, merge, tests, packages, aptLine, plane, puppet, rollout, smoke, allure, lab,
                promotion, webUrl, repos.culpritSha(), culpritNamed, dir);
        report(result, repos);
        return result;
    }

    private void report(Result r, SampleRepos.Layout repos) {
        out.println();
        if (r.merge() != null) {
            out.println("merge report");
            out.println(indent(r.merge().toText()));
        }
        if (r.unitTests() != null) {
            out.println("unit tests of the candidate (" + r.unitTests().runner() + "): " + r.unitTests().summary());
        }
        if (r.packages() != null) {
            out.println("packages of the candidate, published as " + r.packages().distribution()
                    + (r.packages().suite() == null ? "" : ", suite " + r.packages().suite() + " points at it") + ":");
            for (PackageReport.PackageRecord p : r.packages().packages()) {
                out.printf("  %-14s %s  %,d bytes  sha256 %s%n", p.name(), p.version(), p.size(), p.sha256().substring(0, 16));
            }
        }
        if (r.controlPlane() != null) {
            out.println("control plane of environment local on the sandbox iNova (" + r.controlPlane().servers().size() + " VMs):");
            r.controlPlane().servers().forEach(s -> out.printf("  %-26s %-4s %-10s %-13s %s%n", s.name(), s.cell(), s.role(),
                    s.address(), s.status()));
        }
        if (r.puppet() != null) out.println("puppet: " + r.puppet().line());
        if (r.rollout() != null) {
            out.println("rollout " + r.rollout().rolloutId() + ": " + r.rollout().line());
            r.rollout().failed().forEach(f -> out.println("  " + firstLine(f)));
            if (r.rollout().count(HostPhase.ROLLED_BACK) > 0) {
                out.println("  within the failure budget: the rollout went on; `inception rollout show "
                        + r.rollout().rolloutId() + "` lists every host");
            }
        }
        if (r.smoke() != null) {
            out.println("smoke tests: " + r.smoke().line());
            r.smoke().flaky().forEach(t -> out.println("  flaky (passed on retry): " + t.id()));
            if (r.allureReport() != null) out.println("  Allure report: " + r.allureReport().toUri());
        }
        if (r.promotion() != null) {
            out.println("promotion to staging: " + r.promotion().outcome().message());
            out.println("  the developer's attempt: " + r.promotion().developerAttempt().message() + " (audited)");
        }
        if (r.build() != null) {
            out.printf("build %s: trunk %s, candidate %s in %s%n", r.build().id(), r.build().trunk().sha().substring(0, 7),
                    r.build().candidateSha() == null ? "none" : r.build().candidateSha().substring(0, 7),
                    r.build().candidateRepo());
        }
        out.println();
        out.printf("%s conflict attributed to trunk commit %s \"%s\"%n", r.culpritNamed() ? "ok:" : "MISSING:",
                repos.culpritSha().substring(0, 7), repos.culpritSubject());
        out.printf("%s run %s %s%n", r.run().status() == ExecutionStatus.SUCCEEDED ? "ok:" : "FAILED:",
                r.run().id(), r.run().status());
        out.println();
        out.println("next: inception runs show " + r.run().id() + "   (stages, timings and logs)");
        if (r.build() != null) out.println("      inception builds show " + r.build().id() + "   (the release manifest)");
        out.println("      inception validate                 (check the pipelines in environments/)");
        if (r.webUrl() != null) {
            out.println("web UI: " + r.webUrl() + (web.serve() ? "   (up until Ctrl-C)" : "   (stopped with the demo;"
                    + " `inception demo --serve` keeps it up)"));
        }
    }

    /** Keeps the web UI and the sandbox up until the process is interrupted (Ctrl-C). */
    private void serveUntilInterrupted(WebServer ui, DemoSandbox sandbox) throws InterruptedException {
        java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        out.println();
        out.println("serving: web UI " + (ui == null ? "(none)" : ui.url()) + ", sandbox iNova " + sandbox.inova().authUrl()
                + ", " + DemoSandbox.HOSTS + " SSH hosts on port " + sandbox.fleet().port() + " (key "
                + sandbox.fleet().privateKeyFile() + ") — Ctrl-C stops");
        out.flush();
        stop.await();
    }

    private void step(String what) {
        out.println("==> " + what);
        out.flush();
    }

    private static String indent(String text) {
        return ("  " + text.strip()).replace("\n", "\n  ");
    }

    /** The failure's step and the host's own error line, without the rest of apt's output. */
    private static String firstLine(String failure) {
        String[] lines = failure.split("\n");
        String last = lines[lines.length - 1];
        return lines.length == 1 ? failure : lines[0] + " ... " + last.strip();
    }

    private static Path allureIndex(Path folder) throws IOException {
        if (folder == null || !Files.isDirectory(folder)) return null;
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.getFileName().toString().equals("index.html")).findFirst().orElse(null);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** A branch that did not merge because of a conflict (skipped, or failing the train). */
    static boolean conflicted(BranchReport b) {
        return b.status() == MergeStatus.CONFLICT || b.status() == MergeStatus.SKIPPED;
    }
}
