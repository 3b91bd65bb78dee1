package io.inception.engine.config;

import java.util.Optional;

/** A module-owned section for the tests: {@code test-extra: {size: 3}}. */
public final class TestSection implements EnvironmentSection<TestSection.Extra> {
    /** The typed section. */
    public record Extra(long size) {
    }

    @Override
    public String key() {
        return "test-extra";
    }

    @Override
    public Optional<Extra> read(YamlNode node, String field, Problems problems) {
        return MapFields.of(node, field, problems)
                .flatMap(f -> f.allow("size").integer("size", true))
                .map(Extra::new);
    }
}
