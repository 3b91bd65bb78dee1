package io.inception.engine.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code ${{ params.NAME }}} expressions of template bodies. */
final class Placeholders {
    static final Pattern ANY = Pattern.compile("\\$\\{\\{(.*?)}}");
    static final Pattern PARAM = Pattern.compile("\\s*params\\.([A-Za-z0-9_-]+)\\s*");

    private Placeholders() {
    }

    /** One expression found in a scalar: its parameter name, or null when it is not {@code params.X}. */
    record Use(String expression, String param, int start, int end) {
    }

    static List<Use> find(String text) {
        List<Use> uses = new ArrayList<>();
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            Matcher p = PARAM.matcher(m.group(1));
            uses.add(new Use(m.group(), p.matches() ? p.group(1) : null, m.start(), m.end()));
        }
        return uses;
    }

    /** True when {@code text} is exactly one expression (the value takes the parameter's type). */
    static boolean whole(String text, List<Use> uses) {
        return uses.size() == 1 && uses.get(0).start() == 0 && uses.get(0).end() == text.length();
    }
}
