package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.engine.config.ConfigException;
import io.inception.engine.executor.RunLockedException;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.Run;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;
import io.inception.engine.pipeline.PipelineSourceException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

/** {@code inception run <pipeline>} and {@code inception run --resume <id>}. */
@Command(name = "run", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = {"Run a pipeline with the durable executor, following its stages on the terminal.",
                "The pipeline is read through git at --ref from --repo, and the run records that commit."
                        + " A run interrupted by a crash (even kill -9) continues with --resume: finished stages"
                        + " never run again, the interrupted one resumes from its checkpoints."},
        footer = {"", "Examples:",
                "  inception run trunk-to-qe --env qe                 from this repository's environments/ at HEAD",
                "  inception run trunk-to-qe --repo https://git.example.com/ops/config.git --ref v12 --env qe",
                "  inception run --resume r-20261127-101500-1a2b",
                "", "Exit codes: 0 the run succeeded; 1 it failed or was cancelled; 2 bad input (unknown pipeline, invalid YAML, run locked)."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", arity = "0..1", paramLabel = "PIPELINE", description = "The pipeline name (a file under pipelines/).")
    String pipelineName;

    @Option(names = "--resume", paramLabel = "RUN_ID", description = "Continue an interrupted run instead of starting one.")
    String resume;

    @Mixin
    ConfigRepoOptions config = new ConfigRepoOptions();

    @Option(names = "--env", defaultValue = "local", description = "The environment (target) from environments/<env>.yaml (default: ${DEFAULT-VALUE}).")
    String env;

    @Option(names = "--wait-for-lock", paramLabel = "DURATION", defaultValue = "0s",
            description = "Wait this long when another run of the pipeline holds the environment, e.g. 10m (default: refuse at once).")
    String lockWait;

    @Option(names = "--timeout", defaultValue = "6h", description = "Stop following after this long; the run goes on (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Override
    public Integer call() throws Exception {
        if ((resume == null) == (pipelineName == null)) {
            System.err.println("inception run: name a PIPELINE to start, or --resume RUN_ID (not both); see --help");
            return 2;
        }
        try (Inception inception = store.open()) {
            String runId;
            try {
                runId = resume != null ? inception.executor().resume(resume) : start(inception);
            } catch (PipelineSourceException | ConfigException | RunLockedException | IllegalArgumentException
                     | IllegalStateException e) {
                System.err.println("inception run: " + e.getMessage());
                return 2;
            }
            System.out.println((resume != null ? "resumed" : "started") + " run " + runId);
            Run run;
            try {
                run = new RunProgress(inception.store(), System.out).follow(inception.executor(), runId, Durations.parse(timeout));
            } catch (TimeoutException e) {
                System.err.println("inception run: " + e.getMessage());
                return 1;
            }
            System.out.println("run " + runId + " " + run.status() + " — details: inception runs show " + runId);
            return run.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
        }
    }

    private String start(Inception inception) throws InterruptedException {
        try (PipelineRepository repository = PipelineRepository.open(config.location())) {
            PipelineSnapshot snapshot = repository.at(config.ref());
            PipelineDef pipeline = snapshot.pipeline(pipelineName);
            Environment environment = snapshot.environment(env).toEnvironment();
            return inception.executor().start(pipeline, environment,
                    RunOptions.defaults().withTarget(environment.name()).withLockWait(Durations.parse(lockWait)));
        }
    }

    /** Durations as the YAML writes them. */
    static final class Durations {
        static Duration parse(String text) {
            return io.inception.engine.config.Durations.parse(text).orElseThrow(() -> new IllegalArgumentException(
                    "bad duration '" + text + "': " + io.inception.engine.config.Durations.EXAMPLES));
        }
    }
}
