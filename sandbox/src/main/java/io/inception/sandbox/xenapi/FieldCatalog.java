package io.inception.sandbox.xenapi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of every simulated class with their default values, from {@code fields.tsv} (generated
 * from xapi's data model), so a record carries every field a real pool would send.
 */
final class FieldCatalog {
    static final String NULL_REF = "OpaqueRef:NULL";
    private static final FieldCatalog INSTANCE = load();
    private final Map<String, Map<String, String>> kinds;
    private final Map<String, String> canonical = new HashMap<>();

    private FieldCatalog(Map<String, Map<String, String>> kinds) {
        this.kinds = kinds;
        kinds.keySet().forEach(c -> canonical.put(c.toLowerCase(Locale.ROOT), c));
    }

    static FieldCatalog get() {
        return INSTANCE;
    }

    /** The class name as the data model spells it ("vm" → "VM"), or null if not simulated. */
    String canonicalClass(String name) {
        return canonical.get(name.toLowerCase(Locale.ROOT));
    }

    boolean hasField(String cls, String field) {
        return kinds.getOrDefault(cls, Map.of()).containsKey(field);
    }

    Map<String, Object> defaults(String cls) {
        Map<String, Object> record = new LinkedHashMap<>();
        kinds.getOrDefault(cls, Map.of()).forEach((field, kind) -> record.put(field, defaultOf(kind)));
        return record;
    }

    private static Object defaultOf(String kind) {
        if (kind.startsWith("enum:")) {
            return kind.substring(5);
        }
        return switch (kind) {
            case "int" -> 0L;
            case "bool" -> Boolean.FALSE;
            case "float" -> 0.0d;
            case "datetime" -> new Date(0);
            case "ref" -> NULL_REF;
            case "set" -> new ArrayList<Object>();
            case "map" -> new LinkedHashMap<String, Object>();
            default -> "";
        };
    }

    private static FieldCatalog load() {
        Map<String, Map<String, String>> kinds = new LinkedHashMap<>();
        try (InputStream in = FieldCatalog.class.getResourceAsStream("fields.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] p = line.split("\t");
                kinds.computeIfAbsent(p[0], k -> new LinkedHashMap<>()).put(p[1], p[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FieldCatalog(kinds);
    }

    List<String> classes() {
        return List.copyOf(kinds.keySet());
    }
}
