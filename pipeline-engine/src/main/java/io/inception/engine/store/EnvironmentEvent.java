package io.inception.engine.store;

import java.time.Instant;

/**
 * A recorded change to an environment's resources (provisioned, replaced, scaled, repaired by the
 * watcher), oldest first by {@code id}.
 *
 * @param id          increasing id
 * @param environment the environment's name
 * @param kind        e.g. {@code provision}, {@code watcher-replace}
 * @param message     one line for people
 * @param at          when
 */
public record EnvironmentEvent(long id, String environment, String kind, String message, Instant at) {
}
