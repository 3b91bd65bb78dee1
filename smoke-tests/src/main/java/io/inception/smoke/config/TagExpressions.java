package io.inception.smoke.config;

import org.junit.platform.launcher.TagFilter;

import java.util.Optional;

/** Checks a tag expression with the JUnit Platform's own parser, so what validates is what runs. */
public final class TagExpressions {
    private TagExpressions() {
    }

    /** Why {@code expression} is not a valid tag expression, or empty when it is. */
    public static Optional<String> problem(String expression) {
        try {
            TagFilter.includeTags(expression);
            return Optional.empty();
        } catch (RuntimeException e) {
            // JUnit words it as "Unable to parse tag expression "x": <reason>"
            String message = String.valueOf(e.getMessage());
            int colon = message.indexOf("\": ");
            return Optional.of("bad tag expression '" + expression + "': "
                    + (colon >= 0 ? message.substring(colon + 3) : message));
        }
    }
}
