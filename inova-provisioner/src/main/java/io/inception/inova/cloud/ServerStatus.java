package io.inception.inova.cloud;

/** Nova's server statuses that matter here; anything else is {@link #OTHER}. */
public enum ServerStatus {
    BUILD, ACTIVE, ERROR, SHUTOFF, DELETED, SOFT_DELETED, OTHER;

    /** Parses Nova's status string. */
    public static ServerStatus of(String status) {
        if (status == null) return OTHER;
        try {
            return valueOf(status.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return OTHER;
        }
    }
}
