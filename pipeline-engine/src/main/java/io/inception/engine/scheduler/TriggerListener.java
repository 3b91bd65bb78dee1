package io.inception.engine.scheduler;

/**
 * What the scheduler calls when a trigger fires; {@code inception server} starts a pipeline run here.
 * Called on the scheduler's thread, one event at a time; keep it short (enqueue the run, return).
 * An exception is logged and does not stop the scheduler; for a trunk trigger the SHA is then not
 * recorded as seen, so the next poll fires again (at-least-once).
 */
@FunctionalInterface
public interface TriggerListener {
    void fire(TriggerEvent event) throws Exception;

    /**
     * A path-filtered trunk-moved trigger saw trunk move to {@code sha} without a commit changing a
     * matching path, and recorded {@code sha} as seen without firing; {@code line} says so in one line
     * (no credentials), e.g. for {@code inception server} to print. Does nothing unless overridden.
     */
    default void notFired(String triggerName, String sha, String line) {
    }
}
