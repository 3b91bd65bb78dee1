package io.inception.app.server;

import io.inception.app.Inception;
import io.inception.engine.config.BranchList;
import io.inception.engine.executor.RunLockedException;
import io.inception.engine.executor.RunOptions;
import io.inception.engine.model.Environment;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;
import io.inception.engine.scheduler.FetchedCommitRanges;
import io.inception.engine.scheduler.LsRemoteBranchHeads;
import io.inception.engine.scheduler.TriggerConfig;
import io.inception.engine.scheduler.TriggerConfigLoader;
import io.inception.engine.scheduler.TriggerDefinition;
import io.inception.engine.scheduler.TriggerEvent;
import io.inception.engine.scheduler.TriggerListener;
import io.inception.engine.scheduler.TriggerScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code inception server} does: resume the runs a dead process left behind, then start the
 * merge-train pipeline whenever one of its triggers fires (a cron schedule, or trunk moved). The
 * pipeline is read afresh at the configuration repository's {@code ref} on every fire, so a change
 * to the pipeline text takes effect at the next run, and each run records that commit.
 *
 * @param inception    the wiring (store, executor)
 * @param configRepo   path or URL of the git repository holding {@code environments/}
 * @param ref          the ref pipelines are read at (e.g. HEAD, main)
 * @param pipeline     the pipeline the triggers start
 * @param environment  the environment it runs on
 * @param triggersFile the triggers file in the working tree of the configuration repository
 */
public record TrainServer(Inception inception, String configRepo, String ref, String pipeline, String environment,
                          Path triggersFile, Clock clock, PrintStream out) {
    private static final Logger LOG = LoggerFactory.getLogger(TrainServer.class);

    /** Resumes interrupted runs; returns their ids. */
    public List<String> resumeInterrupted() {
        List<String> resumed = inception.executor().resumeInterrupted();
        for (String id : resumed) out.println("resumed interrupted run " + id);
        return resumed;
    }

    /** The scheduler over the triggers file, firing {@link #fire}. */
    public TriggerScheduler scheduler() throws IOException {
        if (!Files.isRegularFile(triggersFile)) {
            out.println("no triggers file " + triggersFile + ": runs start only by `inception run`");
            return new TriggerScheduler(List.of(), listener(), inception.store().triggerStates(),
                    new LsRemoteBranchHeads(), commitRanges(), clock);
        }
        List<TriggerConfig> configs = TriggerConfigLoader.load(triggersFile).orThrow();
        BranchList branches;
        try (PipelineRepository repo = PipelineRepository.open(configRepo)) {
            branches = repo.at(ref).branches();
        }
        List<TriggerDefinition> definitions = new ArrayList<>();
        for (TriggerConfig c : configs) {
            definitions.add(c.toDefinition(branches.trunk().url(), branches.trunk().branch()));
            out.println("trigger " + c.name() + ": " + (c.cron() != null ? "cron \"" + c.cron() + "\""
                    : "trunk moved, polled every " + c.trunkMoved().poll().toSeconds() + " s"
                    + (c.trunkMoved().paths().isAny() ? "" : ", only for " + c.trunkMoved().paths().describe())));
        }
        return new TriggerScheduler(definitions, listener(), inception.store().triggerStates(),
                new LsRemoteBranchHeads(), commitRanges(), clock);
    }

    /** Fires through {@link #fire}; prints a path-filtered trigger's move that did not fire. */
    private TriggerListener listener() {
        return new TriggerListener() {
            @Override
            public void fire(TriggerEvent event) {
                TrainServer.this.fire(event);
            }

            @Override
            public void notFired(String triggerName, String sha, String line) {
                out.println(line);
            }
        };
    }

    /** What path-filtered triggers fetch goes to {@code <home>/cache/trigger-git}. */
    private FetchedCommitRanges commitRanges() {
        return new FetchedCommitRanges(inception.home().dir().resolve("cache").resolve("trigger-git"),
                java.time.Duration.ofSeconds(120));
    }

    /**
     * Starts {@code pipelineName} (null: the server's pipeline) on {@code environmentName} (null: the
     * server's environment), read afresh at {@link #ref}, for a user's request through the API.
     */
    public io.inception.app.web.RunStarter.Outcome start(String pipelineName, String environmentName) {
        String name = pipelineName != null ? pipelineName : pipeline;
        String envName = environmentName != null ? environmentName : environment;
        try (PipelineRepository repo = PipelineRepository.open(configRepo)) {
            PipelineSnapshot snapshot = repo.at(ref);
            PipelineDef def = snapshot.pipeline(name);
            Environment env = snapshot.environment(envName).toEnvironment();
            String runId = inception.executor().start(def, env, RunOptions.defaults().withTarget(env.name()));
            String line = "started run " + runId + " of " + name + " @ " + def.commit().substring(0, 7) + " on " + env.name();
            out.println("api: " + line);
            return new io.inception.app.web.RunStarter.Outcome.Started(runId, line);
        } catch (RunLockedException e) {
            return new io.inception.app.web.RunStarter.Outcome.Busy(e.getMessage());
        } catch (io.inception.engine.config.ConfigException | io.inception.engine.pipeline.PipelineSourceException
                 | IllegalArgumentException e) {
            return new io.inception.app.web.RunStarter.Outcome.Invalid(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new io.inception.app.web.RunStarter.Outcome.Busy("interrupted while waiting for the environment's lock");
        }
    }

    /** Starts the pipeline for one trigger event; a run still going on the environment makes it skip. */
    public Optional<String> fire(TriggerEvent event) {
        try (PipelineRepository repo = PipelineRepository.open(configRepo)) {
            PipelineSnapshot snapshot = repo.at(ref);
            PipelineDef def = snapshot.pipeline(pipeline);
            Environment env = snapshot.environment(environment).toEnvironment();
            String runId = inception.executor().start(def, env, RunOptions.defaults().withTarget(env.name()));
            out.println("trigger " + event.triggerName() + " (" + event.reason()
                    + event.shaIfKnown().map(s -> " " + s.substring(0, Math.min(7, s.length()))).orElse("")
                    + "): started run " + runId + " of " + pipeline + " @ " + def.commit().substring(0, 7));
            return Optional.of(runId);
        } catch (RunLockedException e) {
            out.println("trigger " + event.triggerName() + ": skipped, " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.warn("trigger {} could not start {}: {}", event.triggerName(), pipeline, e.getMessage());
            out.println("trigger " + event.triggerName() + ": could not start " + pipeline + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
