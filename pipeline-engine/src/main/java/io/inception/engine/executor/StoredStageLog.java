package io.inception.engine.executor;

import io.inception.engine.stage.StageLog;
import io.inception.engine.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A stage's log: each line is stored with the run and also sent to SLF4J (with MDC run/stage). */
final class StoredStageLog implements StageLog {
    private static final Logger LOG = LoggerFactory.getLogger("io.inception.stage");

    private final Store store;
    private final String runId;
    private final String stage;

    StoredStageLog(Store store, String runId, String stage) {
        this.store = store;
        this.runId = runId;
        this.stage = stage;
    }

    @Override
    public void info(String message) {
        LOG.info("{}", message);
        store.logs().append(runId, stage, "INFO", message);
    }

    @Override
    public void warn(String message) {
        LOG.warn("{}", message);
        store.logs().append(runId, stage, "WARN", message);
    }

    @Override
    public void error(String message) {
        LOG.error("{}", message);
        store.logs().append(runId, stage, "ERROR", message);
    }
}
