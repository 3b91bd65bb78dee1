package io.inception.engine.config;

/**
 * A number of hosts as written in wave plans and failure budgets: {@code 5}, {@code 10%}, or
 * {@code rest} (waves only).
 *
 * @param kind  count, percent of the environment's hosts, or the rest
 * @param value the count or percent (0 for rest)
 */
public record Quantity(Kind kind, int value) {
    /** What the value counts. */
    public enum Kind { COUNT, PERCENT, REST }

    /** The number of hosts this stands for out of {@code total} (percent rounds up). */
    public int of(int total, int remaining) {
        return switch (kind) {
            case COUNT -> Math.min(value, remaining);
            case PERCENT -> Math.min(remaining, (int) Math.ceil(total * value / 100.0));
            case REST -> remaining;
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case COUNT -> Integer.toString(value);
            case PERCENT -> value + "%";
            case REST -> "rest";
        };
    }
}
