package io.inception.engine.pipeline;

import io.inception.engine.config.ConfigError;

import java.util.List;

/**
 * What {@code inception validate} found.
 *
 * @param files  the files checked (labels), in order
 * @param errors every error, sorted by file, line and column
 * @param commit the commit that was checked, or null for files on disk
 */
public record ValidationReport(List<String> files, List<ConfigError> errors, String commit) {
    public ValidationReport {
        files = List.copyOf(files);
        errors = List.copyOf(errors);
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** One line: {@code ok: 5 files, 0 errors} or {@code failed: 5 files, 3 errors}. */
    public String summary() {
        return (ok() ? "ok: " : "failed: ") + files.size() + (files.size() == 1 ? " file, " : " files, ")
                + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + (commit == null ? "" : " at " + commit.substring(0, Math.min(12, commit.length())));
    }
}
