package io.inception.engine.wait;

import java.time.Duration;

/**
 * How a wait passes the time between two looks: {@link #SLEEP} in the product; a test passes one
 * that moves its hand clock ({@code clock::advance}), so a five-minute timeout takes no real time.
 */
@FunctionalInterface
public interface Pause {
    /** Sleeps the calling thread. */
    Pause SLEEP = d -> Thread.sleep(d.toMillis());

    void pause(Duration d) throws InterruptedException;
}
