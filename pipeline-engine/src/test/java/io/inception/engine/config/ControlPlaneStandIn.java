package io.inception.engine.config;

import java.util.Optional;

/**
 * Stands in for module-owned sections ({@code control-plane:} of inova-provisioner, {@code puppet:}
 * of puppet-bridge, {@code smoke:} of smoke-tests) in the engine's tests, which read the project's
 * own environment files without those modules on the class path. Accepts any value.
 */
public class ControlPlaneStandIn implements EnvironmentSection<YamlNode> {
    private final String key;

    public ControlPlaneStandIn() {
        this("control-plane");
    }

    protected ControlPlaneStandIn(String key) {
        this.key = key;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Optional<YamlNode> read(YamlNode node, String field, Problems problems) {
        return Optional.of(node);
    }

    /** puppet-bridge's {@code puppet:}. */
    public static final class Puppet extends ControlPlaneStandIn {
        public Puppet() {
            super("puppet");
        }
    }

    /** smoke-tests' {@code smoke:}. */
    public static final class Smoke extends ControlPlaneStandIn {
        public Smoke() {
            super("smoke");
        }
    }
}
