package io.inception.engine.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as written in configuration: a number and a unit, combinable: 500ms, 30s, 20m, 2h, 1d, 1h30m. */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    /** What the error message shows as valid examples. */
    public static final String EXAMPLES = "a number and a unit, like 500ms, 30s, 20m, 2h or 1h30m";

    private Durations() {
    }

    /** Parses {@code text}, or empty when it is not a duration. */
    public static Optional<Duration> parse(String text) {
        String t = text.trim();
        if (!WHOLE.matcher(t).matches()) return Optional.empty();
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        try {
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(total);
    }

    /** The shortest written form: 90s = 1m30s, 20m, 2h, 1500ms = 1s500ms. */
    public static String format(Duration d) {
        if (d.isZero()) return "0s";
        StringBuilder sb = new StringBuilder();
        long days = d.toDays();
        if (days > 0) sb.append(days).append('d');
        if (d.toHoursPart() > 0) sb.append(d.toHoursPart()).append('h');
        if (d.toMinutesPart() > 0) sb.append(d.toMinutesPart()).append('m');
        if (d.toSecondsPart() > 0) sb.append(d.toSecondsPart()).append('s');
        if (d.toMillisPart() > 0) sb.append(d.toMillisPart()).append("ms");
        return sb.toString();
    }
}
