package io.inception.xen.lab;

import java.time.Duration;
import java.time.Instant;

/** When a lab was made and when it expires. Leases last 8 h by default and never more than 7 days in all. */
public record Lease(Instant createdAt, Instant expiresAt) {
    public static final Duration DEFAULT_TTL = Duration.ofHours(8);
    public static final Duration MAX_TOTAL = Duration.ofDays(7);

    /** A lease from {@code now} for {@code ttl} (default when null); refuses a lease past the maximum. */
    public static Lease starting(Instant now, Duration ttl) {
        Duration d = ttl == null ? DEFAULT_TTL : ttl;
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("a lease must last more than 0 s");
        }
        if (d.compareTo(MAX_TOTAL) > 0) {
            throw new IllegalArgumentException("a lab lease lasts at most 7 days (asked: " + d.toHours() + " h)");
        }
        return new Lease(now, now.plus(d));
    }

    /** The lease extended by {@code by}, capped to 7 days after creation; refused when already at the cap. */
    public Lease extendedBy(Duration by) {
        Instant cap = createdAt.plus(MAX_TOTAL);
        if (!expiresAt.isBefore(cap)) {
            throw new IllegalArgumentException("the lease already ends at the 7-day maximum (" + cap + ")");
        }
        Instant wanted = expiresAt.plus(by);
        return new Lease(createdAt, wanted.isAfter(cap) ? cap : wanted);
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
