package io.inception.engine.pipeline;

import io.inception.engine.config.ParamSpec;

import java.util.List;
import java.util.Optional;

/**
 * A kind of stage the executor knows how to run, with its declared parameters. Pipelines name it
 * with {@code type:}; the validator checks every {@code with:} value against {@link #params()}.
 *
 * @param name        the name used in YAML, e.g. {@code merge}
 * @param description one line for docs and {@code --help}
 * @param params      declared parameters, in the order shown in docs
 */
public record StageType(String name, String description, List<ParamSpec> params) {
    public StageType {
        params = List.copyOf(params);
        if (params.stream().map(ParamSpec::name).distinct().count() != params.size()) {
            throw new IllegalArgumentException("stage type '" + name + "' declares a parameter twice");
        }
    }

    /** A stage type with the given parameters. */
    public static StageType of(String name, String description, ParamSpec... params) {
        return new StageType(name, description, List.of(params));
    }

    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }

    /** Parameter names, for messages. */
    public List<String> paramNames() {
        return params.stream().map(ParamSpec::name).toList();
    }
}
