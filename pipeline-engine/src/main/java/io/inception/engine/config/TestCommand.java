package io.inception.engine.config;

import java.time.Duration;

/**
 * How a repository runs its own unit tests (the {@code test:} block of branches.yaml).
 *
 * @param command the shell command, run in a fresh checkout of the merged candidate
 * @param junit   a glob (relative to the checkout) matching the JUnit XML the command writes, or null
 * @param timeout how long the command may run, or null for the unit-test stage's default
 */
public record TestCommand(String command, String junit, Duration timeout) {
}
