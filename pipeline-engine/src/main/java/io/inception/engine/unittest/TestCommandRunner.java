package io.inception.engine.unittest;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * SPI: where a repository's test command runs for the {@code unit-test} stage. The stage makes the
 * fresh checkout and the run folder; a runner starts the command against that checkout, and the
 * returned {@link TestExecution} is polled, killed (timeout, cancel) and finally collected (log and
 * JUnit files brought into the run folder, any container removed).
 *
 * <p>{@link LocalProcessRunner} (the default) runs {@code bash -c} as a local process that survives an
 * orchestrator restart and is re-attached by pid. Other modules add runners, e.g. packaging's Docker
 * runner (a throwaway container with the checkout mounted read-only); {@link #name()} is recorded as
 * {@link UnitTestReport#runner()}, so the build says where its tests ran.
 */
public interface TestCommandRunner {
    /** Recorded in the report, e.g. {@code local-process} or {@code docker}. */
    String name();

    /** Starts the command; returns at once. */
    TestExecution start(TestLaunch launch) throws IOException;

    /**
     * The execution a checkpoint names, called on every poll of the stage and after an orchestrator
     * restart. Empty when the command cannot be followed any more (it vanished without an exit code,
     * or the runner does not re-attach across restarts); the runner then cleans up what is left and
     * the stage runs the tests again from a fresh checkout.
     *
     * @param checkpoint what {@link TestExecution#checkpoint()} returned when the command started
     *                   (empty when the orchestrator died before storing it)
     */
    Optional<TestExecution> reattach(TestLaunch launch, Map<String, String> checkpoint);

    /**
     * True when a command outlives its orchestrator and {@link #reattach} finds it again after a restart
     * (local processes). False (the default) makes the stage stop and collect the command as soon as
     * the run's cancellation is set — executor timeout, cancel, or the executor letting go of the run —
     * even if the stage is never polled again, so that no container outlives its stage.
     */
    default boolean followsAcrossRestarts() {
        return false;
    }
}
