package io.inception.sandbox.inova;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A compute API microversion, {@code 2.60}; ordered. */
record Microversion(int major, int minor) implements Comparable<Microversion> {
    private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");

    static final Microversion MIN = new Microversion(2, 1);
    /** The highest version the simulator implements (Nova Train's maximum). */
    static final Microversion MAX = new Microversion(2, 79);

    /** Parses "2.60"; empty when the string is not of the form MajorNum.MinorNum. */
    static Optional<Microversion> parse(String s) {
        Matcher m = FORMAT.matcher(s.trim());
        return m.matches() ? Optional.of(new Microversion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    boolean atLeast(int minorOf2) {
        return compareTo(new Microversion(2, minorOf2)) >= 0;
    }

    @Override
    public int compareTo(Microversion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
