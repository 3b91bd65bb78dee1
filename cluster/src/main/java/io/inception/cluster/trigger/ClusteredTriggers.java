package io.inception.cluster.trigger;

import io.inception.cluster.Sweep;
import io.inception.engine.scheduler.TriggerScheduler;
import io.inception.engine.secret.UrlRedaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The triggers of a cluster: every node builds the same {@link TriggerScheduler} from the triggers file,
 * but its ticks are a cluster {@link Sweep}, so one node at a time evaluates the triggers — whichever
 * claimed the sweep — instead of every node polling and firing. A node that dies mid-tick loses nothing:
 * the next tick, on any node, sees the stored trigger state. Should two ticks ever overlap (a node
 * stalled past its heartbeat timeout), the scheduler's fire-and-record step is locked in the store, so a
 * trunk move or a scheduled time still fires once.
 */
public final class ClusteredTriggers {
    public static final String NAME = "evaluate-triggers";
    private static final Logger LOG = LoggerFactory.getLogger(ClusteredTriggers.class);

    private ClusteredTriggers() {
    }

    /** The sweep ticking {@code scheduler} with {@code clock} every {@code every}. */
    public static Sweep sweep(TriggerScheduler scheduler, Clock clock, Duration every) {
        return new Sweep(NAME, every, () -> {
            try {
                scheduler.tick(clock.instant());
            } catch (RuntimeException e) {
                // the next tick tries again; the sweep must outlive any error
                LOG.error("trigger tick failed: {}", UrlRedaction.redact(String.valueOf(e.getMessage())));
            }
        });
    }
}
