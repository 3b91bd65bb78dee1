package io.inception.engine.merge;

import java.util.Objects;

/**
 * A password or token taken from a URL. Its {@code toString()} is {@code ***} so that it can never
 * reach a log line or an error message by accident; {@link #reveal()} is for the transport only.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The secret text; only for handing to a transport, never for printing. */
    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this secret (raw and URL-encoded) in {@code text} by {@code ***}. */
    public String scrub(String text) {
        if (text == null || value.isEmpty()) {
            return text;
        }
        String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        return text.replace(value, "***").replace(encoded, "***");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "***";
    }
}
