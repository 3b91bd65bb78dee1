package io.inception.engine.config;

/**
 * The types a stage or template parameter can have, and the Java type of its value in
 * {@link io.inception.engine.model.StageDef#params()}.
 */
public enum ParamType {
    /** {@link String}. */
    STRING("string", "a string"),
    /** {@link Long}. */
    INT("int", "an integer"),
    /** {@link Double}. */
    NUMBER("number", "a number"),
    /** {@link Boolean}. */
    BOOL("bool", "a boolean (true or false)"),
    /** {@link java.time.Duration}, written like 30s, 20m, 2h. */
    DURATION("duration", "a duration (" + Durations.EXAMPLES + ")"),
    /** {@code List<String>}. */
    LIST("list", "a list"),
    /** {@link String}, one of the declared values. */
    ENUM("enum", "one of the allowed values");

    private final String word;
    private final String expected;

    ParamType(String word, String expected) {
        this.word = word;
        this.expected = expected;
    }

    /** The name used in YAML ({@code type: duration}). */
    public String word() {
        return word;
    }

    /** Words for "expected ..." in messages. */
    public String expected() {
        return expected;
    }

    /** The type written as {@code word}, or null. */
    public static ParamType fromWord(String word) {
        for (ParamType t : values()) if (t.word.equals(word)) return t;
        return null;
    }
}
