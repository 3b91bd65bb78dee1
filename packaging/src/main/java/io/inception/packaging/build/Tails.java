package io.inception.packaging.build;

/** Keeps the end of a command's output for reports. */
final class Tails {
    static final int MAX_CHARS = 8_000;

    private Tails() {
    }

    static String tail(String text) {
        return text.length() <= MAX_CHARS ? text : "...\n" + text.substring(text.length() - MAX_CHARS);
    }
}
