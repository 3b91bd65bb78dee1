package io.inception.engine.fleet;

/** What enrolling a host's key ({@code inception hosts trust}) did. */
public sealed interface TrustOutcome {
    /** The host enrolled. */
    HostTarget host();

    /** The key was not known and is now recorded. */
    record Recorded(HostTarget host, String keyType, String fingerprint) implements TrustOutcome {
    }

    /** The same key was already recorded. */
    record AlreadyTrusted(HostTarget host, String fingerprint) implements TrustOutcome {
    }

    /** Another key is recorded for this host; nothing was changed. */
    record Changed(HostTarget host, String recordedFingerprint, String presentedFingerprint) implements TrustOutcome {
    }

    /** The host could not be reached; nothing was recorded. */
    record Failed(HostTarget host, String reason) implements TrustOutcome {
    }
}
