package io.inception.engine.executor;

import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.stage.Cancellation;
import io.inception.engine.stage.CheckpointStore;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageLog;
import io.inception.engine.store.Store;

import java.nio.file.Path;
import java.util.Optional;

/** The {@link StageContext} of one attempt of one stage, backed by the store. */
final class StoredStageContext implements StageContext {
    private final Store store;
    private final String runId;
    private final PipelineDef pipeline;
    private final StageDef stage;
    private final int attempt;
    private final Environment environment;
    private final Cancellation cancellation;
    private final StageLog log;
    private final ArtifactStore artifacts;
    private final CheckpointStore checkpoints;

    StoredStageContext(Store store, Path home, String runId, PipelineDef pipeline, StageDef stage, int attempt, Environment environment,
                       Cancellation cancellation) {
        this.store = store;
        this.runId = runId;
        this.pipeline = pipeline;
        this.stage = stage;
        this.attempt = attempt;
        this.environment = environment;
        this.cancellation = cancellation;
        this.log = new StoredStageLog(store, runId, stage.name());
        this.artifacts = new RunArtifacts(store, home, runId, stage.name());
        this.checkpoints = new StoredCheckpoints(store, runId, stage.name());
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
        return attempt;
    }

    @Override
    public Parameters params() {
        return new Parameters(stage.name(), stage.params());
    }

    @Override
    public Optional<Build> build() {
        return store.runs().find(runId).map(Run::buildId).flatMap(id -> store.builds().find(id));
    }

    @Override
    public void bindBuild(Build build) {
        store.builds().save(build);
        store.runs().bindBuild(runId, build.id());
    }

    @Override
    public Environment environment() {
        return environment;
    }

    @Override
    public <T> Optional<T> output(String stageName, Class<T> type) {
        return store.stages().output(runId, stageName, type);
    }

    @Override
    public StageLog log() {
        return log;
    }

    @Override
    public ArtifactStore artifacts() {
        return artifacts;
    }

    @Override
    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    @Override
    public Cancellation cancellation() {
        return cancellation;
    }
}
