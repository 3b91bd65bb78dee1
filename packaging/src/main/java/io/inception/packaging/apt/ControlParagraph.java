package io.inception.packaging.apt;

import java.util.LinkedHashMap;
import java.util.Map;

/** A deb822 paragraph (control file, Packages entry) with its fields in order; values keep continuation lines. */
final class ControlParagraph {
    private final Map<String, String> fields;

    private ControlParagraph(Map<String, String> fields) {
        this.fields = fields;
    }

    static ControlParagraph parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        String current = null;
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                fields.put(current, fields.get(current) + "\n" + line);
            } else {
                int colon = line.indexOf(':');
                if (colon <= 0) throw new IllegalArgumentException("not a control field: '" + line + "'");
                current = line.substring(0, colon);
                fields.put(current, line.substring(colon + 1).strip());
            }
        }
        return new ControlParagraph(fields);
    }

    String get(String field) {
        return fields.get(field);
    }

    ControlParagraph with(String field, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new ControlParagraph(copy);
    }

    String render() {
        StringBuilder sb = new StringBuilder();
        fields.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
