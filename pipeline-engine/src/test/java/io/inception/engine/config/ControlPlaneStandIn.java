package io.inception.engine.config;

import java.util.Optional;

/**
 * Stands in for the inova-provisioner's {@code control-plane:} section in the engine's tests, which
 * read the project's own environment files without that module on the class path. Accepts any value.
 */
public final class ControlPlaneStandIn implements EnvironmentSection<YamlNode> {
    @Override
    public String key() {
        return "control-plane";
    }

    @Override
    public Optional<YamlNode> read(YamlNode node, String field, Problems problems) {
        return Optional.of(node);
    }
}
