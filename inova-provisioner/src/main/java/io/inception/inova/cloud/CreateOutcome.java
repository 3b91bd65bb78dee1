package io.inception.inova.cloud;

/** What asking for a server gives. */
public sealed interface CreateOutcome {
    /** Accepted: the server exists (usually in BUILD). */
    record Created(String serverId) implements CreateOutcome {
    }

    /**
     * Refused by the cloud.
     *
     * @param quota  true when the project's quota is exhausted (HTTP 403 "Quota exceeded")
     * @param status the HTTP status
     * @param reason the cloud's message
     */
    record Refused(boolean quota, int status, String reason) implements CreateOutcome {
    }
}
