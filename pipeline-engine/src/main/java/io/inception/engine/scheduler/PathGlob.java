package io.inception.engine.scheduler;

import java.util.regex.Pattern;

/**
 * A glob over repository paths ({@code /}-separated, relative to the repository root), as written in a
 * trigger's {@code paths:} or {@code paths-ignore:}:
 * <ul>
 *   <li>{@code *} any characters within one path segment, {@code ?} one character (never {@code /});</li>
 *   <li>{@code **} as a whole segment: any number of segments, so {@code puppet/**} is everything under
 *       {@code puppet/} and {@code **}{@code /*.pp} every {@code .pp} file at any depth, the root included;</li>
 *   <li>{@code [abc]}, {@code [a-z]}, {@code [!abc]} one character of (or not of) a set.</li>
 * </ul>
 * Anything else is literal. {@link #parse} rejects what cannot mean a repository path: an empty glob, a
 * leading or trailing {@code /}, empty, {@code .} or {@code ..} segments, {@code **} inside a segment,
 * a backslash, an unclosed or empty {@code [...]}.
 */
public final class PathGlob {
    private final String text;
    private final Pattern regex;

    private PathGlob(String text, Pattern regex) {
        this.text = text;
        this.regex = regex;
    }

    /**
     * The glob {@code text}.
     *
     * @throws IllegalArgumentException naming the glob and what is wrong with it
     */
    public static PathGlob parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("must not be empty");
        if (text.startsWith("/")) throw invalid(text, "must be relative to the repository root (no leading '/')");
        if (text.endsWith("/")) {
            throw invalid(text, "ends with '/'; write '" + text + "**' for everything under it");
        }
        if (text.indexOf('\\') >= 0) throw invalid(text, "'\\' is not allowed (paths are separated by '/')");
        String[] segments = text.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.isEmpty()) throw invalid(text, "has an empty path segment ('//')");
            if (seg.equals(".") || seg.equals("..")) throw invalid(text, "'.' and '..' segments are not allowed");
            if (seg.equals("**")) {
                sb.append(last ? ".+" : "(?:[^/]+/)*");
                continue;
            }
            if (seg.contains("**")) {
                throw invalid(text, "'**' must be a whole path segment (e.g. 'puppet/**' or '**/*.pp')");
            }
            segment(text, seg, sb);
            if (!last) sb.append('/');
        }
        return new PathGlob(text, Pattern.compile(sb.toString()));
    }

    private static void segment(String text, String seg, StringBuilder sb) {
        for (int i = 0; i < seg.length(); i++) {
            char c = seg.charAt(i);
            if (c == '*') sb.append("[^/]*");
            else if (c == '?') sb.append("[^/]");
            else if (c == '[') i = charClass(text, seg, i, sb);
            else sb.append(quote(c));
        }
    }

    /** Appends the class starting at {@code seg[open]}; returns the index of its closing bracket. */
    private static int charClass(String text, String seg, int open, StringBuilder sb) {
        int close = seg.indexOf(']', open + 1);
        if (close < 0) throw invalid(text, "has an unclosed '['");
        String body = seg.substring(open + 1, close);
        boolean negated = body.startsWith("!");
        if (negated) body = body.substring(1);
        if (body.isEmpty()) throw invalid(text, "has an empty '[]'");
        sb.append(negated ? "[^/" : "[");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean range = c == '-' && i > 0 && i < body.length() - 1;
            sb.append(range ? "-" : quote(c));
        }
        sb.append(']');
        return close;
    }

    private static String quote(char c) {
        return Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c;
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException("'" + text + "' is not a valid glob: " + why);
    }

    /** Whether {@code path} (relative, {@code /}-separated, as git lists it) matches. */
    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    /** The glob as written. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PathGlob g && g.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
