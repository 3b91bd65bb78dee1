package io.inception.sandbox.inova;

import java.time.Instant;
import java.util.List;

/** An issued Keystone token; {@code project} is null for an unscoped one. The id is a secret. */
record Token(String id, Identity.Account user, Identity.Project project, List<String> methods, Instant issuedAt,
             Instant expiresAt, String auditId) {
    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Token[" + user.name() + ", expires " + expiresAt + ", id=***]";
    }
}
