package io.inception.engine.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One stage of a pipeline as written in its YAML: a name, the stage type the executor looks up,
 * its parameters (already validated against the type's declared parameters), and limits.
 *
 * @param name      unique within the pipeline
 * @param type      the stage type, e.g. {@code merge}, {@code unit-test}
 * @param params    parameter values, typed (String, Long, Boolean, Double, List, Map)
 * @param timeout   per-stage timeout, or {@code null} for the executor's default
 * @param retry     retry policy for transient failures
 * @param source    where the stage was defined ({@code uses:} template or file), for reports
 * @param zone      the cluster zone (a compute cell, a region) whose nodes may execute the stage, or
 *                  {@code null} for any node; a single Inception process ignores it
 */
public record StageDef(String name, String type, Map<String, Object> params, Duration timeout,
                       RetryPolicy retry, String source, String zone) {
    public StageDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        params = params == null ? Map.of() : Map.copyOf(params);
        retry = retry == null ? RetryPolicy.NONE : retry;
        if (zone != null) ZoneName.check(zone).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** A stage that any node may execute. */
    public StageDef(String name, String type, Map<String, Object> params, Duration timeout, RetryPolicy retry,
                    String source) {
        this(name, type, params, timeout, retry, source, null);
    }

    public StageDef withParams(Map<String, Object> newParams) {
        return new StageDef(name, type, newParams, timeout, retry, source, zone);
    }

    public StageDef withZone(String newZone) {
        return new StageDef(name, type, params, timeout, retry, source, newZone);
    }
}
