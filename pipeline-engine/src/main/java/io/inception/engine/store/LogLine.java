package io.inception.engine.store;

import java.time.Instant;

/**
 * One stored line of a stage's log.
 *
 * @param runId    the run
 * @param stage    the stage name
 * @param severity INFO, WARN or ERROR
 * @param message  the line
 * @param at       when it was written
 */
public record LogLine(String runId, String stage, String severity, String message, Instant at) {
}
