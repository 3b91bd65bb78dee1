package io.inception.packaging.version;

/** A string that is not a valid Debian version; the message says which rule it breaks. */
public final class InvalidVersionException extends IllegalArgumentException {
    private final String version;
    private final String problem;

    public InvalidVersionException(String version, String problem) {
        super("invalid version '" + version + "': " + problem);
        this.version = version;
        this.problem = problem;
    }

    /** The rejected text. */
    public String version() {
        return version;
    }

    /** What is wrong with it, without the version itself. */
    public String problem() {
        return problem;
    }
}
