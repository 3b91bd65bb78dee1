package io.inception.engine.unittest;

import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.stage.Cancellation;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageLog;
import io.inception.engine.stage.StageResult;
import io.inception.engine.wait.WaitStrategy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * An in-memory {@link StageContext} for stage tests: checkpoints in a map (shareable between two
 * contexts to simulate an orchestrator restart), artifacts in a folder, log lines in a list. Public
 * for other modules' stage tests (the engine's test-jar).
 */
public final class TestStageContext implements StageContext {
    final StageDef stage;
    public final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    final AtomicBoolean cancelled = new AtomicBoolean();
    public final Map<String, String> checkpointValues;
    private final String runId;
    private final Path artifactDir;
    private Build build;
    /** The pipeline the stage belongs to; tests that read files through it set repo and commit. */
    PipelineDef pipeline;

    TestStageContext(String runId, StageDef stage, Build build, Path artifactDir, Map<String, String> checkpoints) {
        this.runId = runId;
        this.stage = stage;
        this.build = build;
        this.artifactDir = artifactDir;
        this.checkpointValues = checkpoints;
        this.pipeline = new PipelineDef("test", List.of(stage), null, null, null);
    }

    public TestStageContext(String runId, StageDef stage, Build build, Path artifactDir) {
        this(runId, stage, build, artifactDir, new ConcurrentHashMap<>());
    }

    /** Calls {@code execute} as the executor does (every 50 ms here) until the stage stops answering Running. */
    static StageResult runToEnd(Stage stage, TestStageContext ctx) throws InterruptedException {
        AtomicReference<String> progress = new AtomicReference<>("not executed yet");
        return WaitStrategy.of(Duration.ofSeconds(60), Duration.ofMillis(50)).poll("the " + ctx.stage.type() + " stage done", () -> {
            StageResult result = executed(stage, ctx);
            if (!(result instanceof StageResult.Running running)) return Optional.of(result);
            progress.set(running.progress());
            return Optional.empty();
        }, progress::get).orElseThrow(AssertionError::new);
    }

    private static StageResult executed(Stage stage, TestStageContext ctx) {
        try {
            return stage.execute(ctx);
        } catch (Exception e) {
            throw new IllegalStateException("the stage threw", e);
        }
    }

    /** A context as a restarted orchestrator would build it: same run, same checkpoints and artifacts. */
    TestStageContext afterRestart() {
        TestStageContext restarted = new TestStageContext(runId, stage, build, artifactDir, checkpointValues);
        restarted.pipeline = pipeline;
        return restarted;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public PipelineDef pipeline() {
        return pipeline;
    }

    @Override
    public StageDef stage() {
        return stage;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Parameters params() {
        return new Parameters(stage.name(), stage.params());
    }

    @Override
    public Optional<Build> build() {
        return Optional.ofNullable(build);
    }

    @Override
    public void bindBuild(Build b) {
        this.build = b;
    }

    @Override
    public Environment environment() {
        return Environment.named("test");
    }

    @Override
    public <T> Optional<T> output(String stageName, Class<T> type) {
        return Optional.empty();
    }

    @Override
    public StageLog log() {
        return new StageLog() {
            @Override
            public void info(String m) {
                logLines.add("INFO " + m);
            }

            @Override
            public void warn(String m) {
                logLines.add("WARN " + m);
            }

            @Override
            public void error(String m) {
                logLines.add("ERROR " + m);
            }
        };
    }

    @Override
    public ArtifactStore artifacts() {
        return new ArtifactStore() {
            @Override
            public Path directory() throws IOException {
                return Files.createDirectories(artifactDir);
            }

            @Override
            public Path put(String name, Path file) throws IOException {
                Path target = directory().resolve(name);
                return Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }

            @Override
            public List<Path> list() throws IOException {
                try (Stream<Path> s = Files.list(directory())) {
                    return s.sorted().toList();
                }
            }
        };
    }

    @Override
    public CheckpointStore checkpoints() {
        return new CheckpointStore() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(checkpointValues.get(key));
            }

            @Override
            public void put(String key, String value) {
                checkpointValues.put(key, value);
            }

            @Override
            public void remove(String key) {
                checkpointValues.remove(key);
            }

            @Override
            public Map<String, String> all() {
                return new LinkedHashMap<>(checkpointValues);
            }
        };
    }

    @Override
    public Cancellation cancellation() {
        return cancelled::get;
    }
}
