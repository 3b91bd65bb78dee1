package io.inception.engine.unittest;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** A started test command (a local process, a container); see {@link TestCommandRunner}. */
public interface TestExecution {
    /** What to checkpoint so that {@link TestCommandRunner#reattach} finds this execution again. */
    Map<String, String> checkpoint();

    /** For log lines, e.g. {@code pid 4242} or {@code container 3f2a...}. */
    String describe();

    boolean isRunning();

    /** The exit code once the command ended by itself; empty while it runs or when it vanished. */
    Optional<Integer> exitCode();

    /** How long it ran, when the runner knows (start to exit). */
    Optional<Duration> duration();

    /** Stops the command and everything it started (SIGTERM, then SIGKILL after {@code grace}). */
    void kill(Duration grace);

    /**
     * After the end (exit or kill): makes the launch's log complete and returns the folder holding
     * the JUnit files at their paths relative to the checkout; releases the execution (a container is
     * removed). Idempotent.
     */
    Path collect() throws IOException;
}
