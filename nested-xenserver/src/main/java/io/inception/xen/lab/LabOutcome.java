package io.inception.xen.lab;

/** What {@link LabService#create} gave: a lab, a refusal (quota, lease, placement) or a failure (cleaned up). */
public sealed interface LabOutcome {
    /** The lab is ready. */
    record Created(Lab lab) implements LabOutcome {
    }

    /** Nothing was made; the reason says what is in use or what was wrong with the request. */
    record Refused(String reason) implements LabOutcome {
    }

    /** Creation failed halfway; what was made has been removed and the lab is recorded as FAILED. */
    record Failed(Lab lab, String reason) implements LabOutcome {
    }
}
