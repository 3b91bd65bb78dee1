package io.inception.engine.store;

import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;

import java.util.List;

/**
 * Everything {@code inception runs show} prints about one run.
 *
 * @param run       the run
 * @param stages    its stages in pipeline order
 * @param logs      every log line of the run, oldest first
 * @param artifacts the files its stages stored
 */
public record RunDetails(Run run, List<StageRun> stages, List<LogLine> logs, List<ArtifactEntry> artifacts) {
    public RunDetails {
        stages = List.copyOf(stages);
        logs = List.copyOf(logs);
        artifacts = List.copyOf(artifacts);
    }

    /** The log lines of one stage. */
    public List<LogLine> logsOf(String stage) {
        return logs.stream().filter(l -> l.stage().equals(stage)).toList();
    }
}
