package io.inception.xen.wipe;

/** What happened to one QE host in a wipe. */
public sealed interface HostResult {
    String host();

    /** Reverted to its golden snapshot and running again. */
    record Reverted(String host, String snapshot, int wave) implements HostResult {
    }

    /** The wipe of this host failed; {@code reason} says at which step. */
    record Failed(String host, String step, String reason, int wave) implements HostResult {
    }

    /** Not touched: an earlier wave used up the failure budget. */
    record Skipped(String host, String reason) implements HostResult {
    }
}
