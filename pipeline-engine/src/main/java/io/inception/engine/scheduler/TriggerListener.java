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
}
