package io.inception.packaging.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A command to run hermetically against a checkout.
 *
 * @param buildId   the build it belongs to (labels the container, names the scratch folder)
 * @param checkout  the candidate's checkout; never written to
 * @param command   a shell command ({@code sh -c}), run in a scratch copy of the checkout
 * @param outputs   paths relative to the scratch copy to bring back (files or folders), e.g. {@code out/}
 * @param outputDir where those outputs are copied
 * @param env       extra environment variables (no secrets: they would be visible in the container)
 * @param timeout   how long the command may run
 */
public record RunRequest(String buildId, Path checkout, String command, List<String> outputs, Path outputDir,
                         Map<String, String> env, Duration timeout) {
    public RunRequest {
        Objects.requireNonNull(buildId, "buildId");
        Objects.requireNonNull(checkout, "checkout");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outputDir, "outputDir");
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        env = env == null ? Map.of() : Map.copyOf(env);
        timeout = timeout == null ? Duration.ofMinutes(30) : timeout;
        for (String o : outputs) {
            if (o.startsWith("/") || o.contains("..")) throw new IllegalArgumentException("output '" + o + "' must be relative");
        }
    }
}
