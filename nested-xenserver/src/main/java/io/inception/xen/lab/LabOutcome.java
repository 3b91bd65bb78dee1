package io.inception.xen.lab;

/**
 * What a lab request or build came to: accepted (recorded CREATING, to be built), ready, refused
 * (quota, lease, room), failed (cleaned up), or a build interrupted (handed over, or superseded by
 * a later operation on the lab).
 */
public sealed interface LabOutcome {
    /** The request passed the checks; the lab is recorded CREATING and its build is to come. */
    record Accepted(Lab lab) implements LabOutcome {
    }

    /** The lab is ready. */
    record Created(Lab lab) implements LabOutcome {
    }

    /** Nothing was made; the reason says what is in use or what was wrong with the request. */
    record Refused(String reason) implements LabOutcome {
    }

    /** Creation failed halfway; what was made has been removed and the lab is recorded as FAILED. */
    record Failed(Lab lab, String reason) implements LabOutcome {
    }

    /**
     * The build stopped before the lab was ready: this node is stopping (the next build of the lab
     * continues) or a later operation (a takeover, a delete) owns the lab now.
     */
    record Interrupted(Lab lab, String reason) implements LabOutcome {
    }
}
