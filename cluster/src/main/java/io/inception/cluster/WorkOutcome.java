package io.inception.cluster;

import java.time.Duration;

/** What one execution of a {@link WorkItem} came to. */
public sealed interface WorkOutcome {
    /** The work is complete; it leaves the queue. */
    record Done(String message) implements WorkOutcome {
    }

    /**
     * More to do: the item goes back to the queue with {@code data} and is due again after
     * {@code after}. Any node of its zone may claim it then (the next wave, a gate's recheck).
     */
    record Again(String data, Duration after, String message) implements WorkOutcome {
    }
}
