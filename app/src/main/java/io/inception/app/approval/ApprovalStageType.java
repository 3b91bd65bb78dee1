package io.inception.app.approval;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;
import io.inception.engine.pipeline.StageType;
import io.inception.engine.pipeline.StageTypeProvider;

import java.util.List;

/** The {@code approval} stage type, found by {@code StageTypes.discover()}. */
public final class ApprovalStageType implements StageTypeProvider {
    /** A manual gate a release manager opens. */
    public static final StageType APPROVAL = StageType.of("approval",
            "Wait until a release manager approves the run (inception runs approve RUN STAGE); a rejection fails it",
            ParamSpec.optional("message", ParamType.STRING)
                    .withDescription("what is asked, shown while the run waits, e.g. 'deploy b-42 to staging?'"));

    @Override
    public List<StageType> stageTypes() {
        return List.of(APPROVAL);
    }
}
