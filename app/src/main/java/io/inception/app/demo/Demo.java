package io.inception.app.demo;

import io.inception.app.Inception;
import io.inception.app.cli.RunProgress;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.merge.BranchReport;
import io.inception.engine.merge.MergeReport;
import io.inception.engine.merge.MergeStatus;
import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;
import io.inception.engine.unittest.UnitTestReport;
import io.inception.packaging.Packaging;
import io.inception.packaging.stage.PackageReport;
import org.eclipse.jgit.api.errors.GitAPIException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The main job on the embedded default: sample repositories, the pipeline read through git, the
 * merge train and the candidate's unit tests run by the durable executor, and the report.
 */
public final class Demo {
    /** What the demo ran, for {@code --json} and for tests. */
    public record Result(Run run, Build build, MergeReport merge, UnitTestReport unitTests, PackageReport packages,
                         String aptLine, DemoLab.Result lab, String expectedCulprit, boolean culpritNamed, Path workDir) {
        public boolean ok() {
            return run.status() == ExecutionStatus.SUCCEEDED && culpritNamed && lab.lab() != null
                    && lab.reaped().expiredLabs().contains(lab.lab().id());
        }
    }

    private final Inception inception;
    private final Path sourceRoot;
    private final Clock clock;
    private final PrintStream out;

    public Demo(Inception inception, Path sourceRoot, Clock clock, PrintStream out) {
        this.inception = inception;
        this.sourceRoot = sourceRoot;
        this.clock = clock;
        this.out = out;
    }

    public Result run() throws IOException, GitAPIException, InterruptedException, TimeoutException {
        Path dir = inception.home().dir().resolve("demo");
        deleteTree(dir);
        step("sample repositories under " + dir);
        SampleRepos.Layout repos = new SampleRepos(clock).create(dir.resolve("repos"));
        out.printf("      trunk %s (master), custom branches: %s%n", repos.trunk(),
                String.join(", ", repos.branches().stream().map(SampleRepos.Branch::name).toList()));

        Path config = DemoConfigRepository.create(dir.resolve("config"), repos, sourceRoot, clock);
        PipelineDef pipeline;
        Environment environment;
        try (PipelineRepository repo = PipelineRepository.open(config.toString())) {
            PipelineSnapshot snapshot = repo.at("master");
            pipeline = snapshot.pipeline("trunk-to-qe");
            environment = snapshot.environment("local").toEnvironment();
        }
        step("pipeline " + pipeline.name() + " read through git at " + pipeline.commit().substring(0, 7) + " ("
                + pipeline.stages().size() + " stages: "
                + String.join(", ", pipeline.stages().stream().map(s -> s.name()).toList()) + ")");

        String runId = inception.executor().start(pipeline, environment, RunOptions.defaults().withTarget(environment.name()));
        step("run " + runId + " on environment " + environment.name());
        Run run = new RunProgress(inception.store(), out).follow(inception.executor(), runId, Duration.ofMinutes(10));

        Build build = run.buildId() == null ? null : inception.store().builds().find(run.buildId()).orElse(null);
        MergeReport merge = inception.store().stages().output(runId, "merge", MergeReport.class).orElse(null);
        UnitTestReport tests = inception.store().stages().output(runId, "unit-test", UnitTestReport.class).orElse(null);
        PackageReport packages = inception.store().stages().output(runId, "package", PackageReport.class).orElse(null);
        Packaging apt = inception.home().packaging(clock);
        String aptLine = packages == null || packages.suite() == null ? null
                : apt.sourcesLine(apt.repository().root().toUri().toString().replaceAll("/$", ""), packages.suite());
        boolean culpritNamed = merge != null && merge.branches().stream()
                .filter(Demo::conflicted)
                .flatMap(b -> b.culprits().stream())
                .anyMatch(c -> c.sha().equals(repos.culpritSha()));
        step("virtual lab: nested XenServer hosts on the simulated physical pool, for developer demo-dev");
        DemoLab.Result lab = DemoLab.run(sourceRoot.resolve("environments/labs"), dir.resolve("labs"), clock, out);
        Result result = new Result(run, build, merge, tests, packages, aptLine, lab, repos.culpritSha(), culpritNamed, dir);
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
            out.println("a host's apt line (key: inception repo key export > " + Packaging.HOST_KEYRING + "):");
            out.println("  " + r.aptLine());
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
        out.println("      inception validate                 (check the pipelines in environments/)");
    }

    private void step(String what) {
        out.println("==> " + what);
        out.flush();
    }

    private static String indent(String text) {
        return ("  " + text.strip()).replace("\n", "\n  ");
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
