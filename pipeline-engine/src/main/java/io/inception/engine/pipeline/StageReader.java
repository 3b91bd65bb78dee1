package io.inception.engine.pipeline;

import io.inception.engine.config.MapFields;
import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.Problems;
import io.inception.engine.config.Suggestions;
import io.inception.engine.config.TypedValues;
import io.inception.engine.config.YamlNode;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;
import io.inception.engine.model.ZoneName;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the body of a stage ({@code type}, {@code with}, {@code timeout}, {@code retry}, {@code zone})
 * into a {@link StageDef}, checking {@code with:} against the stage type's declared parameters.
 */
final class StageReader {
    static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(10);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofMinutes(5);

    private final StageTypes types;

    StageReader(StageTypes types) {
        this.types = types;
    }

    static String unknownType(String type, StageTypes types) {
        return "unknown stage type '" + type + "'" + Suggestions.didYouMean(type, types.names())
                + "; known types: " + String.join(", ", types.names());
    }

    /**
     * Reads the stage body in {@code f}. {@code timeout}/{@code retry}/{@code zone}, when present,
     * override the body's own (a stage using a template may tighten the template's limits, or bind it
     * to the zone of its cell).
     */
    Optional<StageDef> read(String name, MapFields f, String source, Optional<MapFields> overrides) {
        Problems problems = f.problems();
        Optional<StageType> type = f.string("type", true).flatMap(t -> {
            Optional<StageType> found = types.find(t);
            if (found.isEmpty()) problems.add(f.get("type").orElseThrow(), f.field("type"), unknownType(t, types));
            return found;
        });
        Optional<MapFields> with = f.mapping("with", false);
        Map<String, Object> params = type.map(t -> params(t, with, f)).orElse(Map.of());
        MapFields limits = overrides.filter(o -> o.get("timeout").isPresent()).orElse(f);
        Duration timeout = limits.duration("timeout", false).orElse(null);
        if (timeout != null && timeout.isZero()) {
            problems.add(limits.get("timeout").orElseThrow(), limits.field("timeout"), "a timeout must be longer than 0s");
        }
        MapFields retryFrom = overrides.filter(o -> o.get("retry").isPresent()).orElse(f);
        RetryPolicy retry = retryFrom.mapping("retry", false).flatMap(StageReader::retry).orElse(RetryPolicy.NONE);
        String zone = zone(overrides.filter(o -> o.get("zone").isPresent()).orElse(f));
        return type.map(t -> new StageDef(name, t.name(), params, timeout, retry, source, zone));
    }

    /** {@code zone: c1}: only cluster nodes of that zone execute the stage; null when absent or invalid. */
    private static String zone(MapFields f) {
        return f.string("zone", false).filter(z -> {
            Optional<String> problem = ZoneName.check(z);
            problem.ifPresent(p -> f.problems().add(f.get("zone").orElseThrow(), f.field("zone"), p));
            return problem.isEmpty();
        }).orElse(null);
    }

    private static Map<String, Object> params(StageType type, Optional<MapFields> with, MapFields stage) {
        Problems problems = stage.problems();
        Map<String, Object> params = new LinkedHashMap<>();
        String withPath = stage.field("with");
        if (with.isPresent()) {
            for (YamlNode.Entry e : with.get().node().entries()) {
                String key = e.key().value();
                Optional<ParamSpec> spec = type.param(key);
                if (spec.isEmpty()) {
                    problems.add(e.key(), Problems.field(withPath, key), "unknown parameter '" + key + "' for stage type '"
                            + type.name() + "'" + Suggestions.didYouMean(key, type.paramNames())
                            + (type.params().isEmpty() ? "; it takes none" : "; parameters: " + String.join(", ", type.paramNames())));
                    continue;
                }
                if (e.value() instanceof YamlNode.Scalar s && s.isNull()) continue;
                TypedValues.convert(e.value(), spec.get(), Problems.field(withPath, key), problems)
                        .ifPresent(v -> params.put(key, v));
            }
        }
        for (ParamSpec spec : type.params()) {
            if (params.containsKey(spec.name())) continue;
            if (spec.defaultValue() != null) {
                params.put(spec.name(), spec.defaultValue());
            } else if (spec.required()) {
                problems.add(with.<YamlNode>map(MapFields::node).orElse(stage.node()), Problems.field(withPath, spec.name()),
                        "missing required parameter '" + spec.name() + "' (" + spec.type().word() + ") of stage type '"
                                + type.name() + "'");
            }
        }
        return params;
    }

    /** {@code retry: {attempts: 3, backoff: 10s, max-backoff: 5m, jitter: 0.2}}. */
    static Optional<RetryPolicy> retry(MapFields r) {
        Problems problems = r.problems();
        r.allow("attempts", "backoff", "max-backoff", "jitter");
        Optional<Long> attempts = r.integer("attempts", true).filter(a -> {
            if (a >= 1 && a <= 100) return true;
            problems.add(r.get("attempts").orElseThrow(), r.field("attempts"), "attempts must be 1..100, got " + a);
            return false;
        });
        Duration backoff = r.duration("backoff", false).orElse(DEFAULT_BACKOFF);
        Duration max = r.duration("max-backoff", false).orElse(backoff.compareTo(DEFAULT_MAX_BACKOFF) > 0 ? backoff : DEFAULT_MAX_BACKOFF);
        if (max.compareTo(backoff) < 0) {
            problems.add(r.get("max-backoff").orElseThrow(), r.field("max-backoff"), "max-backoff is shorter than backoff");
            return Optional.empty();
        }
        Optional<Double> jitter = r.number("jitter", false).filter(j -> {
            if (j >= 0 && j <= 1) return true;
            problems.add(r.get("jitter").orElseThrow(), r.field("jitter"), "jitter must be between 0 and 1, got " + j);
            return false;
        });
        if (r.get("jitter").isPresent() && jitter.isEmpty()) return Optional.empty();
        return attempts.map(a -> new RetryPolicy(a.intValue(), backoff, max, jitter.orElse(0.0)));
    }
}
