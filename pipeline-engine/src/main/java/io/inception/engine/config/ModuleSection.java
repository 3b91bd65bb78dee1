package io.inception.engine.config;

import java.util.Optional;

/**
 * The product's module-owned sections ({@code control-plane:} of inova-provisioner, {@code puppet:} of
 * puppet-bridge, {@code smoke:} of smoke-tests, {@code promotion:} of app) as keys the engine accepts without checking them, so
 * a module that reads an environment file without the others on its class path does not refuse their
 * sections. The owning module's own {@link EnvironmentSection} (registered beside this one) checks the
 * section wherever it is present — always in the app, and so in {@code inception validate}.
 */
public class ModuleSection implements EnvironmentSection<YamlNode> {
    private final String key;

    public ModuleSection() {
        this("control-plane");
    }

    protected ModuleSection(String key) {
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
    public static final class Puppet extends ModuleSection {
        public Puppet() {
            super("puppet");
        }
    }

    /** smoke-tests' {@code smoke:}. */
    public static final class Smoke extends ModuleSection {
        public Smoke() {
            super("smoke");
        }
    }

    /** app's {@code promotion:} (where a promoted environment's builds come from and how it is deployed). */
    public static final class Promotion extends ModuleSection {
        public Promotion() {
            super("promotion");
        }
    }
}
