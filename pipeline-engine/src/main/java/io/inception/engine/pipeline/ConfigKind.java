package io.inception.engine.pipeline;

import io.inception.engine.config.YamlNode;

import java.util.Locale;

/** What a configuration file is, decided by where it lives (or, for a lone file, by its fields). */
public enum ConfigKind {
    /** {@code pipelines/*.yaml}. */
    PIPELINE,
    /** {@code environments/*.yaml}. */
    ENVIRONMENT,
    /** {@code branches.yaml} (or {@code branches/*.yaml}). */
    BRANCHES,
    /** {@code templates/*.yaml} of a pipeline library. */
    TEMPLATE;

    /** The kind of {@code path} (relative, '/'-separated) by its location, or null. */
    public static ConfigKind byPath(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".yaml") && !lower.endsWith(".yml")) return null;
        String[] parts = path.split("/");
        String file = parts[parts.length - 1];
        if (file.equals("branches.yaml") || file.equals("branches.yml")) return BRANCHES;
        if (parts.length < 2) return null;
        return switch (parts[parts.length - 2]) {
            case "pipelines" -> PIPELINE;
            case "environments" -> ENVIRONMENT;
            case "branches" -> BRANCHES;
            case "templates" -> TEMPLATE;
            default -> null;
        };
    }

    /** The kind of a file by its top-level fields, or null. */
    public static ConfigKind byContent(YamlNode root) {
        if (!(root instanceof YamlNode.Mapping m)) return null;
        if (m.entry("stages").isPresent()) return PIPELINE;
        if (m.entry("trunk").isPresent()) return BRANCHES;
        if (m.entry("cells").isPresent()) return ENVIRONMENT;
        if (m.entry("stage").isPresent() || m.entry("template").isPresent()) return TEMPLATE;
        return null;
    }
}
