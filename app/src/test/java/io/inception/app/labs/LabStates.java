package io.inception.app.labs;

import io.inception.engine.wait.WaitStrategy;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabService;

import java.time.Duration;
import java.util.Optional;

/** Waiting in a test for a lab to reach a state, on a deadline, failing with the state last seen. */
public final class LabStates {
    private LabStates() {
    }

    public static Lab await(LabService labs, String id, Lab.State state) {
        try {
            return WaitStrategy.of(Duration.ofSeconds(90), Duration.ofMillis(50)).poll("lab " + id + " " + state,
                    () -> labs.show(id).filter(l -> l.state() == state), () -> String.valueOf(labs.show(id).orElse(null)))
                    .orElseThrow(AssertionError::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting lab " + id + " " + state, e);
        }
    }

    public static void awaitTrue(java.util.function.BooleanSupplier condition, String what,
                                 java.util.function.Supplier<String> seen) {
        try {
            WaitStrategy.of(Duration.ofSeconds(90), Duration.ofMillis(50)).poll(what,
                    () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty(), seen)
                    .orElseThrow(AssertionError::new);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while awaiting " + what, e);
        }
    }
}
