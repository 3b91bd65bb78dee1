package io.inception.engine.unittest;

import io.inception.engine.config.BranchList;
import io.inception.engine.model.Build;
import io.inception.engine.pipeline.PipelineFiles;
import io.inception.engine.scheduler.DurationText;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the unit-test stage takes its request from: each parameter wins over the bound build.
 * <ul>
 *   <li>{@code repo}: parameter, else the build's {@code candidateRepo} (where the merge train pushed
 *       the candidate), else its trunk URL</li>
 *   <li>{@code sha}: parameter, else the build's {@code candidateSha}</li>
 *   <li>{@code command}: parameter, else the {@code test:} block of the branch list
 *       ({@code branches-file}, read at the pipeline's commit)</li>
 *   <li>{@code junit}: parameter, else the branch list's {@code test.junit}, else
 *       {@link UnitTestRequest#DEFAULT_JUNIT_GLOB}</li>
 *   <li>{@code timeout}: parameter ({@code "20m"}, a Duration, or a number of seconds), else the
 *       branch list's {@code test.timeout}, else the stage's timeout, else
 *       {@link UnitTestRequest#DEFAULT_TIMEOUT}</li>
 * </ul>
 */
final class UnitTestInput {
    private UnitTestInput() {
    }

    /** The request; IllegalArgumentException with a message naming the missing or bad parameter. */
    static UnitTestRequest from(StageContext context, Path workRoot) {
        Parameters p = context.params();
        Optional<Build> build = context.build();
        String stage = context.stage().name();
        String repo = p.optionalString("repo")
                .or(() -> build.map(Build::candidateRepo))
                .or(() -> build.map(Build::trunk).map(t -> t.url()))
                .orElseThrow(() -> new IllegalArgumentException("stage '" + stage
                        + "': no 'repo' parameter and no build with a trunk URL bound to the run"));
        String sha = p.optionalString("sha")
                .or(() -> build.map(Build::candidateSha))
                .orElseThrow(() -> new IllegalArgumentException("stage '" + stage + "': no 'sha' parameter and the "
                        + "build has no merged candidate (did the merge stage run and succeed?)"));
        Optional<io.inception.engine.config.TestCommand> configured = p.optionalString("command").isPresent() ? Optional.empty()
                : Optional.of(configuredTest(context));
        String command = p.optionalString("command").orElseGet(() -> configured.get().command());
        String junit = p.optionalString("junit")
                .or(() -> configured.map(io.inception.engine.config.TestCommand::junit))
                .orElse(UnitTestRequest.DEFAULT_JUNIT_GLOB);
        Duration timeout = context.params().asMap().get("timeout") == null && configured.isPresent()
                && configured.get().timeout() != null ? configured.get().timeout() : timeout(context);
        Path workDir = workRoot.resolve(safe(context.runId())).resolve(safe(stage));
        return new UnitTestRequest(repo, sha, command, junit, timeout, workDir);
    }

    /** The test: block of the branch list the pipeline names; a clear error when there is none. */
    private static io.inception.engine.config.TestCommand configuredTest(StageContext context) {
        String file = context.params().optionalString("branches-file").orElse("environments/branches.yaml");
        BranchList branches;
        try {
            branches = PipelineFiles.branches(context.pipeline(), file);
        } catch (RuntimeException e) { // PipelineSourceException, ConfigException: the message says what is wrong
            throw new IllegalArgumentException("stage '" + context.stage().name() + "': no 'command' parameter, and "
                    + "the test command could not be read from " + file + ": " + e.getMessage(), e);
        }
        if (branches.test() == null || branches.test().command() == null) {
            throw new IllegalArgumentException("stage '" + context.stage().name() + "': no 'command' parameter and "
                    + branches.source() + " has no test: command; add `test: {command: ...}` there");
        }
        return branches.test();
    }

    private static Duration timeout(StageContext context) {
        Object t = context.params().asMap().get("timeout");
        if (t instanceof Duration d) return d;
        if (t instanceof Number n) return Duration.ofSeconds(n.longValue());
        if (t instanceof String s) {
            try {
                return DurationText.parse(s);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("stage '" + context.stage().name() + "': parameter 'timeout': " + e.getMessage());
            }
        }
        if (t != null) throw new IllegalArgumentException("stage '" + context.stage().name()
                + "': parameter 'timeout' must be a duration like 20m");
        return context.stage().timeout() != null ? context.stage().timeout() : UnitTestRequest.DEFAULT_TIMEOUT;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
