package io.inception.engine.scheduler;

/** Why a trigger fired. */
public enum TriggerReason {
    /** A cron trigger's scheduled time passed. */
    SCHEDULE,
    /** The trunk branch points at a commit the trigger had not seen. */
    TRUNK_MOVED
}
