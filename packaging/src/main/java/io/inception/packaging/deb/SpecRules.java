package io.inception.packaging.deb;

import io.inception.packaging.version.DebianVersion;
import io.inception.packaging.version.InvalidVersionException;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Debian policy rules that a spec's values must follow; each returns null or what is wrong. */
public final class SpecRules {
    /** Policy 5.6.1: at least two characters, lower case letters, digits and + - . starting alphanumeric. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern RELATION = Pattern.compile(
            "(?<name>[a-z0-9][a-z0-9+.-]+)(?::[a-z0-9-]+)?"
                    + "(?:\\s*\\(\\s*(?<op><<|<=|=|>=|>>)\\s*(?<version>[^)\\s]+)\\s*\\))?"
                    + "(?:\\s*\\[[^]]+])?");
    private static final Set<String> ARCHITECTURES =
            Set.of("all", "amd64", "arm64", "armhf", "i386", "ppc64el", "s390x", "riscv64");
    private static final Set<String> PRIORITIES = Set.of("required", "important", "standard", "optional", "extra");
    /** Placeholder in depends for the version being built. */
    public static final String VERSION_PLACEHOLDER = "${version}";

    private SpecRules() {
    }

    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            return "'" + name + "' is not a valid package name: use at least two characters of a-z, 0-9, "
                    + "'+', '-', '.', starting with a letter or digit";
        }
        return null;
    }

    public static String checkArchitecture(String arch) {
        return ARCHITECTURES.contains(arch) ? null
                : "'" + arch + "' is not a supported architecture; use one of " + String.join(", ", ARCHITECTURES);
    }

    public static String checkPriority(String priority) {
        return PRIORITIES.contains(priority) ? null
                : "'" + priority + "' is not a priority; use one of " + String.join(", ", PRIORITIES);
    }

    /** One Depends entry, alternatives separated by '|'. */
    public static String checkRelation(String relation) {
        for (String alt : relation.split("\\|")) {
            Matcher m = RELATION.matcher(alt.strip());
            if (!m.matches()) {
                return "'" + alt.strip() + "' is not a package relation like 'python3' or 'nova-common (= ${version})'";
            }
            String v = m.group("version");
            if (v != null && !v.equals(VERSION_PLACEHOLDER)) {
                try {
                    DebianVersion.parse(v);
                } catch (InvalidVersionException e) {
                    return "in '" + alt.strip() + "': " + e.getMessage();
                }
            }
        }
        return null;
    }

    public static String checkSummary(String summary, String name) {
        if (summary.length() > 80) return "the first line (summary) is " + summary.length() + " characters; keep it under 80";
        if (summary.toLowerCase().startsWith(name + " ")) return "the summary should not start with the package name";
        return null;
    }

    /** An absolute, normalized path inside the installed system. */
    public static String checkTarget(String target) {
        if (!target.startsWith("/")) return "'" + target + "' must be an absolute path";
        if (target.endsWith("/") && target.length() > 1) return "'" + target + "' must not end with '/'";
        for (String part : target.substring(1).split("/")) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return "'" + target + "' must be a normalized path (no '//', '.' or '..')";
            }
        }
        return null;
    }

    /** A source path relative to the tree or spec folder, never escaping it. */
    public static String checkSource(String source) {
        if (source.startsWith("/")) return "'" + source + "' must be relative";
        for (String part : source.split("/")) {
            if (part.equals("..")) return "'" + source + "' must not leave its folder ('..')";
        }
        return null;
    }
}
