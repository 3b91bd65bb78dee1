package io.inception.engine.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Host names as written in environment files: a plain name ({@code qe-c1-001}) or one numeric
 * range ({@code qe-c1-[001:100]}: 100 hosts, zero-padded to the width of the bounds).
 */
public final class HostPatterns {
    private static final Pattern RANGE = Pattern.compile("([A-Za-z0-9.-]*)\\[([^\\]]*)\\]([A-Za-z0-9.-]*)");
    private static final Pattern BOUNDS = Pattern.compile("(\\d+):(\\d+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    /** No single range may describe more hosts than this (a typo guard). */
    public static final int MAX_RANGE = 10_000;

    private HostPatterns() {
    }

    /** Expands {@code pattern}, or reports what is wrong at {@code at} and returns empty. */
    public static Optional<List<String>> expand(String pattern, YamlNode at, String field, Problems problems) {
        if (pattern.indexOf('[') < 0 && pattern.indexOf(']') < 0) {
            if (NAME.matcher(pattern).matches() && pattern.length() <= 253) return Optional.of(List.of(pattern));
            problems.add(at, field, "bad host name '" + pattern + "': use letters, digits, '-' and '.'");
            return Optional.empty();
        }
        Matcher m = RANGE.matcher(pattern);
        if (!m.matches()) {
            problems.add(at, field, "bad host range '" + pattern + "': expected one range like qe-c1-[001:100]");
            return Optional.empty();
        }
        Matcher b = BOUNDS.matcher(m.group(2));
        if (!b.matches()) {
            problems.add(at, field, "bad host range '" + pattern + "': the brackets must hold two numbers, like [001:100]");
            return Optional.empty();
        }
        String lo = b.group(1);
        String hi = b.group(2);
        if (lo.length() > 9 || hi.length() > 9) {
            problems.add(at, field, "bad host range '" + pattern + "': numbers are too long");
            return Optional.empty();
        }
        int from = Integer.parseInt(lo);
        int to = Integer.parseInt(hi);
        if (from > to) {
            problems.add(at, field, "bad host range '" + pattern + "': " + lo + " is after " + hi
                    + "; write the lower bound first, like [" + hi + ":" + lo + "]");
            return Optional.empty();
        }
        boolean padded = lo.length() > 1 && lo.startsWith("0");
        if (padded && lo.length() != hi.length()) {
            problems.add(at, field, "bad host range '" + pattern + "': zero-padded bounds must have the same width");
            return Optional.empty();
        }
        if (to - from + 1 > MAX_RANGE) {
            problems.add(at, field, "bad host range '" + pattern + "': more than " + MAX_RANGE + " hosts");
            return Optional.empty();
        }
        String prefix = m.group(1);
        String suffix = m.group(3);
        String format = padded ? "%0" + lo.length() + "d" : "%d";
        List<String> names = new ArrayList<>();
        for (int i = from; i <= to; i++) names.add(prefix + String.format(format, i) + suffix);
        if (!NAME.matcher(names.get(0)).matches()) {
            problems.add(at, field, "bad host range '" + pattern + "': '" + names.get(0) + "' is not a valid host name");
            return Optional.empty();
        }
        return Optional.of(names);
    }
}
