/**
 * Triggers of {@code inception server}: cron schedules and "trunk moved" polling.
 *
 * <p>Wiring: load {@link io.inception.engine.scheduler.TriggerConfig}s with
 * {@link io.inception.engine.scheduler.TriggerConfigLoader}, turn each into a
 * {@link io.inception.engine.scheduler.TriggerDefinition} with the trunk of branches.yaml as default, and
 * run a {@link io.inception.engine.scheduler.TriggerScheduler} with a
 * {@link io.inception.engine.scheduler.TriggerListener} that starts the pipeline and a durable
 * {@link io.inception.engine.scheduler.TriggerStateStore}. Tests drive
 * {@link io.inception.engine.scheduler.TriggerScheduler#tick(java.time.Instant)} directly.
 * {@link io.inception.engine.scheduler.UrlRedaction} masks URL passwords for every log line and message.
 */
package io.inception.engine.scheduler;
