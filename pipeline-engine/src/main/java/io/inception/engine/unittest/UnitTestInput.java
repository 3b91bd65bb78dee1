package io.inception.engine.unittest;

import io.inception.engine.config.Durations;
import io.inception.engine.model.Build;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.StageContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the unit-test stage takes its request from: each parameter wins over the bound build.
 * <ul>
 *   <li>{@code repo}: parameter, else the build's trunk URL (the merge train pushes the candidate there)</li>
 *   <li>{@code sha}: parameter, else the build's {@code candidateSha}</li>
 *   <li>{@code command}: parameter, required (the repository's test command from branches.yaml)</li>
 *   <li>{@code junit}: parameter, else {@link UnitTestRequest#DEFAULT_JUNIT_GLOB}</li>
 *   <li>{@code timeout}: parameter ({@code "20m"}, or a number of seconds), else the stage's timeout,
 *       else {@link UnitTestRequest#DEFAULT_TIMEOUT}</li>
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
                .or(() -> build.map(Build::trunk).map(t -> t.url()))
                .orElseThrow(() -> new IllegalArgumentException("stage '" + stage
                        + "': no 'repo' parameter and no build with a trunk URL bound to the run"));
        String sha = p.optionalString("sha")
                .or(() -> build.map(Build::candidateSha))
                .orElseThrow(() -> new IllegalArgumentException("stage '" + stage + "': no 'sha' parameter and the "
                        + "build has no merged candidate (did the merge stage run and succeed?)"));
        String command = p.string("command");
        String junit = p.optionalString("junit").orElse(UnitTestRequest.DEFAULT_JUNIT_GLOB);
        Path workDir = workRoot.resolve(safe(context.runId())).resolve(safe(stage));
        return new UnitTestRequest(repo, sha, command, junit, timeout(context), workDir);
    }

    private static Duration timeout(StageContext context) {
        Object t = context.params().asMap().get("timeout");
        if (t instanceof Number n) return Duration.ofSeconds(n.longValue());
        if (t instanceof String s) {
            try {
                return Durations.parseWithIso(s);
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
