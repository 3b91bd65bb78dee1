package io.inception.cluster.rollout;

import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.stage.Cancellation;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageLog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The context of a {@code rollout} stage for driver tests: checkpoints in a map, the log in a list. */
final class DriverContext implements StageContext {
    final Map<String, String> checkpoints = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final String runId;
    private final StageDef stage = new StageDef("roll", "rollout", Map.of(), null, RetryPolicy.NONE, "test");

    DriverContext(String runId) {
        this.runId = runId;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public PipelineDef pipeline() {
        return new PipelineDef("deploy", List.of(stage), null, null, null);
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
        return new Parameters("roll", Map.of());
    }

    @Override
    public Optional<Build> build() {
        return Optional.empty();
    }

    @Override
    public void bindBuild(Build build) {
        throw new UnsupportedOperationException("the rollout stage binds no build");
    }

    @Override
    public Environment environment() {
        return Environment.named("qe");
    }

    @Override
    public <T> Optional<T> output(String stageName, Class<T> type) {
        return Optional.empty();
    }

    @Override
    public StageLog log() {
        return new StageLog() {
            @Override
            public void info(String message) {
                log.add("INFO " + message);
            }

            @Override
            public void warn(String message) {
                log.add("WARN " + message);
            }

            @Override
            public void error(String message) {
                log.add("ERROR " + message);
            }
        };
    }

    @Override
    public ArtifactStore artifacts() {
        throw new UnsupportedOperationException("the rollout stage stores no artifact");
    }

    @Override
    public CheckpointStore checkpoints() {
        return new CheckpointStore() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(checkpoints.get(key));
            }

            @Override
            public void put(String key, String value) {
                checkpoints.put(key, value);
            }

            @Override
            public void remove(String key) {
                checkpoints.remove(key);
            }

            @Override
            public Map<String, String> all() {
                return Map.copyOf(checkpoints);
            }
        };
    }

    @Override
    public Cancellation cancellation() {
        return () -> false;
    }
}
