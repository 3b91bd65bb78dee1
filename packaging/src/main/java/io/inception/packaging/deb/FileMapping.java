package io.inception.packaging.deb;

import java.util.List;

/**
 * A file or folder that goes into a package.
 *
 * @param origin   where the source is read from
 * @param source   path relative to the candidate tree ({@link Origin#TREE}) or to the spec's folder
 *                 ({@link Origin#SPEC}); a folder is copied recursively
 * @param target   absolute path in the installed system
 * @param mode     file mode, or null for 0755 when the source is executable and 0644 otherwise
 * @param excludes globs relative to {@code source} left out of a folder (e.g. {@code compute/**})
 * @param at       where the mapping was written (its {@code tree}/{@code spec} field)
 */
public record FileMapping(Origin origin, String source, String target, Integer mode, List<String> excludes,
                          SpecLocation at) {
    /** Where a mapping's source comes from. */
    public enum Origin {
        /** The candidate's source tree (the merged checkout). */
        TREE,
        /** The spec's own folder (unit files, default configuration, launchers). */
        SPEC
    }

    public FileMapping {
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}
