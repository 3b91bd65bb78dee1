package io.inception.cluster;

import java.time.Duration;

/**
 * A periodic job that one node of the cluster at a time runs (whichever claims it), such as resuming
 * the runs a dead node left.
 *
 * @param name   its task name, unique in the cluster
 * @param every  the delay between two runs
 * @param action what it does
 */
public record Sweep(String name, Duration every, Runnable action) {
}
