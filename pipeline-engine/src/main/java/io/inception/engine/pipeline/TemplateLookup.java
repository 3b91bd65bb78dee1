package io.inception.engine.pipeline;

/**
 * Finds the text of a template in a pipeline library at a ref. {@link GitLibraries} reads it
 * through JGit; the result says which commit the ref resolved to.
 */
public interface TemplateLookup {
    /** Looks up {@code template} in {@code library} at {@code ref} (tag, branch or SHA). */
    Result find(Library library, String template, String ref);

    /** What a lookup found. */
    sealed interface Result permits Found, Missing {
    }

    /**
     * The template text.
     *
     * @param text   YAML text of the template
     * @param label  file label for messages, e.g. {@code common:templates/unit-test.yaml@v1}
     * @param commit the commit SHA the ref resolved to
     */
    record Found(String text, String label, String commit) implements Result {
    }

    /** Nothing usable; {@code message} says why (never with credentials). */
    record Missing(String message) implements Result {
    }

    /** A lookup for pipelines that name no library: every lookup is missing. */
    TemplateLookup NONE = (library, template, ref) -> new Missing("pipeline libraries are not available here");
}
