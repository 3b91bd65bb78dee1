package io.inception.engine.fleet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX shell quoting: every value becomes exactly one word whatever it holds. Values are put in
 * single quotes, inside which a shell interprets nothing; a single quote is written as
 * {@code '\''}. A NUL cannot be passed through a shell at all and is refused.
 */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** {@code value} as one shell word. */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) throw new IllegalArgumentException("a shell word cannot hold NUL");
        if (!value.isEmpty() && value.matches("[A-Za-z0-9_./=:@%+,-]+")) return value;
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** Every value quoted, joined by spaces. */
    public static String join(List<String> words) {
        return words.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
