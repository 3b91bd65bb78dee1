package io.inception.engine.scheduler;

/**
 * Something that makes {@code inception server} start the pipeline: a cron schedule or trunk moving.
 * Names are unique among the triggers of one scheduler; they key the {@link TriggerStateStore}.
 */
public sealed interface TriggerDefinition permits CronTrigger, TrunkMovedTrigger {
    /** Unique name, e.g. {@code nightly}; appears in every {@link TriggerEvent}. */
    String name();
}
