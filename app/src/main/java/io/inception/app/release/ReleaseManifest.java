package io.inception.app.release;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.store.Promotion;

import java.time.Instant;
import java.util.List;

/**
 * Everything that went into one build and everywhere it went: what {@code inception builds show <id>} prints
 * and the web UI draws as the build's value stream. Assembled from the store by {@link ReleaseManifests};
 * nothing here is recomputed from the outside world.
 *
 * @param buildId        the build
 * @param createdAt      when the merge made it
 * @param trunk          trunk's head as merged, or null when unknown
 * @param branches       every custom branch with the SHA merged and how it went (MERGED, CONFLICT, ...)
 * @param candidateSha   the merged candidate commit, or null
 * @param packages       the packages and apt snapshot (the {@code package} stage's output), or null before packaging
 * @param puppetCommit   the Puppet manifest commit (build fact {@code puppet}), or null when not recorded
 * @param pipelineCommits the commits of the pipeline texts the build's runs executed, in run order, distinct
 * @param runs           every run that carried the build, oldest first, with every stage's result
 * @param deploys        every rollout of the build, oldest first
 * @param promotions     every promotion of the build, oldest first, with who and when
 * @param stream         the build's path from trunk to staging, one step per station
 */
public record ReleaseManifest(String buildId, Instant createdAt, BranchHead trunk, List<BranchHead> branches,
                              String candidateSha, Packages packages, String puppetCommit, List<String> pipelineCommits,
                              List<RunResult> runs, List<Deploy> deploys, List<Promotion> promotions,
                              List<Step> stream) {
    public ReleaseManifest {
        branches = List.copyOf(branches);
        pipelineCommits = List.copyOf(pipelineCommits);
        runs = List.copyOf(runs);
        deploys = List.copyOf(deploys);
        promotions = List.copyOf(promotions);
        stream = List.copyOf(stream);
    }

    /**
     * The build's packages and where they were published.
     *
     * @param version      the version of every package
     * @param snapshot     the apt snapshot, {@code builds/<build-id>}
     * @param packages     name, version, architecture, size and SHA-256 of each .deb
     */
    public record Packages(String version, String snapshot, List<PackageEntry> packages) {
        public Packages {
            packages = List.copyOf(packages);
        }
    }

    /** One .deb of the build. */
    public record PackageEntry(String name, String version, String architecture, long size, String sha256) {
    }

    /** One run that carried the build, with every stage's result. */
    public record RunResult(String runId, String pipeline, String pipelineCommit, String target,
                            ExecutionStatus status, Instant createdAt, Instant finishedAt, List<StageResult> stages) {
        public RunResult {
            stages = List.copyOf(stages);
        }
    }

    /** One stage's result within a run. */
    public record StageResult(String name, String type, ExecutionStatus status, int attempt, String message,
                              Instant startedAt, Instant finishedAt) {
    }

    /**
     * One rollout of the build to an environment.
     *
     * @param by who started it: the run that did (rollouts are started by pipelines), or the rollout id
     */
    public record Deploy(String environment, String rolloutId, ExecutionStatus status, String message,
                         Instant startedAt, Instant updatedAt, int hosts, int hostsDone, int hostsFailed, String by) {
    }

    /**
     * One station of the value stream.
     *
     * @param station {@code merge}, {@code unit-test}, {@code package}, {@code qe}, {@code smoke}, {@code staging}
     * @param state   {@code done}, {@code failed}, {@code running} or {@code waiting}
     * @param detail  a few words (versions, counts, who promoted)
     * @param at      when the station was reached, or null while waiting
     */
    public record Step(String station, String state, String detail, Instant at) {
    }
}
