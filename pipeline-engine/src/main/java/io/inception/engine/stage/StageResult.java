package io.inception.engine.stage;

import java.time.Duration;
import java.util.Objects;

/** What one call of {@link Stage#execute} returns. Expected outcomes are values, not exceptions. */
public sealed interface StageResult {

    /**
     * The stage is done.
     *
     * @param summary one line for reports
     * @param output  a record (serialized as JSON by the store) that later stages read with
     *                {@link StageContext#output(String, Class)}; may be null
     */
    record Succeeded(String summary, Object output) implements StageResult {
        public Succeeded {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * The stage is still working; the executor calls it again after {@code checkAgainAfter}.
     *
     * @param checkAgainAfter when to poll again
     * @param progress        one line of progress for the terminal and the UI
     * @param idle            nothing of the stage runs in this process until the next call: it only
     *                        awaits something outside (a decision, work queued for other nodes), so the
     *                        next check may be made by any process — a cluster node parks such a wait
     *                        instead of holding a thread for it ({@link #waiting})
     */
    record Running(Duration checkAgainAfter, String progress, boolean idle) implements StageResult {
        /** A stage still working in this process. */
        public Running(Duration checkAgainAfter, String progress) {
            this(checkAgainAfter, progress, false);
        }
    }

    /**
     * The stage failed.
     *
     * @param reason       what failed and, where known, how to fix it
     * @param transientFailure true when a retry may succeed (network blip, lock held)
     */
    record Failed(String reason, boolean transientFailure) implements StageResult {
        public static Failed permanent(String reason) {
            return new Failed(reason, false);
        }

        public static Failed transientFailure(String reason) {
            return new Failed(reason, true);
        }
    }

    static Succeeded succeeded(String summary) {
        return new Succeeded(summary, null);
    }

    static Succeeded succeeded(String summary, Object output) {
        return new Succeeded(summary, output);
    }

    /**
     * The stage awaits something outside this process (an approval, other nodes' work) and keeps its
     * state in the store: any process may make the next check.
     */
    static Running waiting(Duration checkAgainAfter, String progress) {
        return new Running(checkAgainAfter, progress, true);
    }

    static Running running(Duration checkAgainAfter, String progress) {
        return new Running(checkAgainAfter, progress);
    }
}
