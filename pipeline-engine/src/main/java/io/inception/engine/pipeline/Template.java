package io.inception.engine.pipeline;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.YamlNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reusable stage from a pipeline library: typed parameters and a stage body in which
 * {@code ${{ params.NAME }}} stands for a parameter's value.
 *
 * @param name        template name (its file name)
 * @param description one line for docs
 * @param params      declared parameters
 * @param defaults    the YAML node of each default, by parameter name (keeps its position)
 * @param body        the stage body: {@code type}, {@code with}, {@code timeout}, {@code retry}
 * @param label       file label for messages
 * @param commit      commit SHA of the library the template was read at
 */
public record Template(String name, String description, List<ParamSpec> params, Map<String, YamlNode> defaults,
                       YamlNode.Mapping body, String label, String commit) {
    public Template {
        params = List.copyOf(params);
        defaults = Map.copyOf(defaults);
    }

    public Optional<ParamSpec> param(String paramName) {
        return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
    }
}
