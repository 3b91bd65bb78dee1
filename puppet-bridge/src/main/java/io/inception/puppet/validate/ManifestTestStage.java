package io.inception.puppet.validate;

import io.inception.engine.config.Cell;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import io.inception.engine.store.EngineJson;
import io.inception.engine.unittest.TestCommandRunner;
import io.inception.engine.unittest.TestExecution;
import io.inception.engine.unittest.TestLaunch;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.config.PuppetSection;
import io.inception.puppet.manifests.ManifestException;
import io.inception.puppet.manifests.ManifestSource;
import io.inception.puppet.manifests.ManifestTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@code puppet-validate} stage, the manifests' "unit test": pins the environment's manifests to
 * a commit (as the {@code puppet} stage does, checkpointed so a resumed run tests the same commit),
 * then, through a {@link TestCommandRunner} (a throwaway container of the project's Debian image with
 * no network, or a local process where no image is built — the report says which), runs
 * {@code puppet parser validate} on every manifest and, when they all parse, compiles a catalog for
 * each role ({@code puppet catalog find --terminus compiler}, with the role's Hiera rendered from the
 * environment and stand-ins for its credentials). {@code execute} returns {@code Running} while Puppet
 * runs. Output: {@link ManifestTestReport}; a syntax error or a role that does not compile fails the
 * stage with the file, line and Puppet's message. An environment without a {@code puppet:} section
 * has no manifests: the stage succeeds saying so, with no output.
 */
public final class ManifestTestStage implements Stage {
    static final String COMMIT = "manifest-commit", RUN_DIR = "run-dir", STARTED = "started-at", RUNNER = "runner.";
    private static final Duration POLL = Duration.ofSeconds(2);

    private final Path workDir;
    private final TestCommandRunner runner;
    private final ManifestSource manifests;
    private final Function<StageContext, Optional<EnvironmentFile>> environments;
    private final Clock clock;
    /** Puppet runs this process started, by run and stage (gone after a restart: then re-attached or started again). */
    private final Map<String, Job> active = new ConcurrentHashMap<>();

    private record Job(TestExecution execution, TestLaunch launch, ManifestTree tree, List<String> roles) {
    }

    /**
     * @param workDir      where each run's workspace is made (removed when the stage ends)
     * @param runner       where Puppet runs (the unit-test stage's runner: Docker or local processes)
     * @param cacheDir     where remote manifest repositories are mirrored
     * @param environments the environment file of a run's environment (as the run reads it, e.g. at its pipeline commit)
     */
    public ManifestTestStage(Path workDir, TestCommandRunner runner, Path cacheDir,
                             Function<StageContext, Optional<EnvironmentFile>> environments, Clock clock) {
        this.workDir = workDir;
        this.runner = runner;
        this.manifests = new ManifestSource(cacheDir);
        this.environments = environments;
        this.clock = clock;
    }

    @Override
    public String type() {
        return ManifestTestStageType.PUPPET_VALIDATE.name();
    }

    @Override
    public StageResult execute(StageContext context) throws IOException {
        String key = context.runId() + "/" + context.stage().name();
        Job job = active.get(key);
        if (job == null) {
            String envName = context.environment().name();
            EnvironmentFile env = environments.apply(context).orElse(null);
            if (env == null) return StageResult.Failed.permanent("puppet-validate: no environment file for " + envName);
            PuppetConfig config = env.section(new PuppetSection()).orElse(null);
            if (config == null) {
                return StageResult.succeeded("environment " + envName + " has no puppet: section: no manifests to test");
            }
            CheckpointStore cp = context.checkpoints();
            PipelineDef pipeline = context.pipeline();
            ManifestTree tree;
            try {
                tree = manifests.read(config, pipeline == null ? null : pipeline.repo(), pipeline == null ? null : pipeline.commit(),
                        cp.get(COMMIT).orElse(context.params().optionalString("ref").orElse(null)));
            } catch (ManifestException e) {
                return StageResult.Failed.transientFailure("puppet-validate: " + e.getMessage());
            }
            cp.put(COMMIT, tree.commit().commit());
            List<String> roles = ManifestWorkspace.roles(config, tree);
            job = active.computeIfAbsent(key, k -> resumeOrStart(context, env, config, tree, roles));
        }
        Duration timeout = context.params().optional("timeout", Duration.class).orElse(ManifestTestStageType.DEFAULT_TIMEOUT);
        Instant started = context.checkpoints().get(STARTED).map(Instant::parse).orElse(clock.instant());
        boolean late = clock.instant().isAfter(started.plus(timeout));
        if (job.execution().isRunning() && !late && !context.cancellation().isCancelled()) {
            return StageResult.running(POLL, "puppet-validate: Puppet checking " + job.tree().manifests().size()
                    + " manifest(s) and " + job.roles().size() + " role(s) @" + job.tree().commit().shortCommit() + " in " + job.execution().describe());
        }
        active.remove(key);
        if (job.execution().isRunning()) job.execution().kill(Duration.ofSeconds(10));
        Optional<Integer> exit = job.execution().exitCode();
        Path collected = job.execution().collect();
        Path runDir = job.launch().runDir();
        try {
            if (Files.exists(job.launch().log())) context.artifacts().put("manifest-test.log", job.launch().log());
            if (late) return StageResult.Failed.permanent("puppet-validate: Puppet did not finish within " + timeout);
            if (exit.isEmpty()) return StageResult.Failed.transientFailure("puppet-validate: Puppet stopped without an exit code");
            Path results = collected.resolve(ManifestWorkspace.RESULTS);
            if (ManifestWorkspace.puppetMissing(results)) {
                return StageResult.Failed.permanent("puppet-validate: puppet is not installed where the manifest test ran (" + runner.name()
                        + "); build the project image (docker/debian-image/build.sh) or install Debian's puppet");
            }
            ManifestTestReport report = ManifestWorkspace.read(results, job.tree(), job.roles(), runner.name());
            // kept as an artifact too, so a failed test's typed report is there although a failure has no output
            context.artifacts().put("manifest-test.json", Files.writeString(runDir.resolve("manifest-test.json"), EngineJson.write(report)));
            context.log().info("puppet-validate: " + report.line());
            if (report.passed()) return StageResult.succeeded(report.line(), report);
            report.failures().forEach(f -> context.log().warn(f));
            if (report.validated().isEmpty() && report.roles().isEmpty()) {
                return StageResult.Failed.permanent("puppet-validate: Puppet exited " + exit.get() + " before testing anything; see manifest-test.log");
            }
            return StageResult.Failed.permanent("puppet-validate: " + report.line() + ": " + String.join("; ", report.failures()));
        } finally {
            context.checkpoints().remove(RUN_DIR);
            context.checkpoints().remove(STARTED);
            delete(runDir);
        }
    }

    private Job resumeOrStart(StageContext context, EnvironmentFile env, PuppetConfig config, ManifestTree tree, List<String> roles) {
        CheckpointStore cp = context.checkpoints();
        Path runDir = cp.get(RUN_DIR).map(Path::of).orElse(workDir.resolve("manifest-test").resolve(context.runId() + "-" + context.stage().name()));
        TestLaunch launch = new TestLaunch("manifest-test " + context.runId() + "/" + context.stage().name(), runDir.resolve("workspace"),
                runDir, runDir.resolve("manifest-test.log"), "bash " + ManifestWorkspace.SCRIPT, tree.commit().commit(),
                ManifestWorkspace.RESULTS + "/*");
        if (cp.get(RUN_DIR).isPresent()) {
            Map<String, String> saved = new HashMap<>();
            cp.all().forEach((k, v) -> {
                if (k.startsWith(RUNNER)) saved.put(k.substring(RUNNER.length()), v);
            });
            Optional<TestExecution> again = runner.reattach(launch, saved);
            if (again.isPresent()) {
                context.log().info("puppet-validate: following " + again.get().describe() + " again");
                return new Job(again.get(), launch, tree, roles);
            }
        }
        try {
            delete(runDir);
            Files.createDirectories(launch.checkout());
            ManifestWorkspace.write(launch.checkout(), config, tree, roles, env.cells().stream().map(Cell::name).toList(), buildHiera(context));
            cp.put(RUN_DIR, runDir.toString());
            cp.put(STARTED, clock.instant().toString());
            TestExecution execution = runner.start(launch);
            execution.checkpoint().forEach((k, v) -> cp.put(RUNNER + k, v));
            context.log().info("puppet-validate: " + tree.manifests().size() + " manifest(s), roles " + roles + ", manifests "
                    + tree.commit().repo() + " @" + tree.commit().shortCommit() + " in " + execution.describe());
            return new Job(execution, launch, tree, roles);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot start the manifest test: " + e.getMessage(), e);
        }
    }

    /**
     * Hiera values of the build, as the {@code puppet} stage gives them. The manifests are tested before
     * the build's packages exist, so the version and apt line are the stage's parameters or stand-ins
     * ({@value ManifestTestStageType#STAND_IN_VERSION}, {@value ManifestTestStageType#STAND_IN_APT_SOURCE}):
     * a compile needs a value of the right type, never a reachable repository.
     */
    static Map<String, Object> buildHiera(StageContext context) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("inception::build::id", context.build().map(b -> b.id()).orElse(context.runId()));
        values.put("inception::build::version", context.params().optionalString("version").orElse(ManifestTestStageType.STAND_IN_VERSION));
        values.put("inception::build::apt_source", context.params().optionalString("apt-source").orElse(ManifestTestStageType.STAND_IN_APT_SOURCE));
        values.put("inception::environment", context.environment().name());
        return values;
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
