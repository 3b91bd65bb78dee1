package io.inception.engine.rollout;

/**
 * The outcome of one step on one host.
 *
 * @param ok     whether the step succeeded
 * @param detail what failed (with the end of the host's output), or empty
 */
public record StepResult(boolean ok, String detail) {
    public static StepResult success() {
        return new StepResult(true, "");
    }

    public static StepResult failed(String detail) {
        return new StepResult(false, detail);
    }
}
