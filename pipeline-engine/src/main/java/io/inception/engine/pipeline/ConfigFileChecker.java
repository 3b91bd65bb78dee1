package io.inception.engine.pipeline;

import io.inception.engine.config.ConfigError;

import java.util.List;

/**
 * A kind of configuration file that a module outside the engine owns (e.g. lab templates in
 * {@code labs/}), so {@code inception validate} checks it too. Implementations are found with
 * {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.inception.engine.pipeline.ConfigFileChecker}.
 */
public interface ConfigFileChecker {
    /** The folder whose {@code *.yaml} files this checker owns, e.g. {@code labs}. */
    String folder();

    /** Every error of one file, with file, line, column and field. */
    List<ConfigError> check(String text, String label);
}
