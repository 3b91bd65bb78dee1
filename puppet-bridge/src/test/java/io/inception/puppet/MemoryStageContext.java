package io.inception.puppet;

import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.stage.Cancellation;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageLog;
import io.inception.engine.stage.StageResult;
import io.inception.engine.stage.Stage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A stage context the way the executor gives one, in memory, with artifacts in a folder. */
public final class MemoryStageContext implements StageContext {
    public final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    public final List<String> logs = new ArrayList<>();
    public final Map<String, Object> outputs = new ConcurrentHashMap<>();
    private final String runId;
    private final StageDef stage;
    private final PipelineDef pipeline;
    private final Path artifacts;

    public MemoryStageContext(String runId, StageDef stage, PipelineDef pipeline, Path artifacts) {
        this.runId = runId;
        this.stage = stage;
        this.pipeline = pipeline;
        this.artifacts = artifacts;
    }

    /** Polls {@code stage} until it stops returning Running, as the executor does (poll interval shortened). */
    public StageResult runToEnd(Stage s, Duration limit) throws Exception {
        StageResult result = s.execute(this);
        long deadline = System.nanoTime() + limit.toNanos();
        while (result instanceof StageResult.Running && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            result = s.execute(this);
        }
        if (result instanceof StageResult.Running running) {
            throw new AssertionError("the stage still runs after " + limit + ": " + running.progress());
        }
        return result;
    }

    @Override public String runId() { return runId; }
    @Override public PipelineDef pipeline() { return pipeline; }
    @Override public StageDef stage() { return stage; }
    @Override public int attempt() { return 1; }
    @Override public Parameters params() { return new Parameters(stage.name(), stage.params()); }
    @Override public Optional<Build> build() { return Optional.empty(); }
    @Override public void bindBuild(Build build) { }
    @Override public Environment environment() { return Environment.named("qe"); }
    @Override public <T> Optional<T> output(String stageName, Class<T> type) {
        return Optional.ofNullable(outputs.get(stageName)).map(type::cast);
    }
    @Override public StageLog log() {
        return new StageLog() {
            @Override public void info(String message) { synchronized (logs) { logs.add(message); } }
            @Override public void warn(String message) { info(message); }
            @Override public void error(String message) { info(message); }
        };
    }
    @Override public ArtifactStore artifacts() {
        return new ArtifactStore() {
            @Override public Path directory() throws IOException { return Files.createDirectories(artifacts); }
            @Override public Path put(String name, Path file) throws IOException {
                return Files.copy(file, directory().resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            @Override public List<Path> list() throws IOException {
                try (Stream<Path> files = Files.list(directory())) {
                    return files.toList();
                }
            }
        };
    }
    @Override public CheckpointStore checkpoints() {
        return new CheckpointStore() {
            @Override public Optional<String> get(String key) { return Optional.ofNullable(checkpoints.get(key)); }
            @Override public void put(String key, String value) { checkpoints.put(key, value); }
            @Override public void remove(String key) { checkpoints.remove(key); }
            @Override public Map<String, String> all() { return Map.copyOf(checkpoints); }
        };
    }
    @Override public Cancellation cancellation() { return () -> false; }
}
