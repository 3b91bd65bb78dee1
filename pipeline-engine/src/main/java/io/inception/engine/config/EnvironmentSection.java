package io.inception.engine.config;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * A top-level section of environment files that a module outside the engine owns — the iNova
 * control plane ({@code control-plane:}), Puppet ({@code puppet:}), the smoke suite
 * ({@code smoke:}). The engine keeps the section's YAML with the {@link EnvironmentFile} and calls
 * {@link #read} while the file is loaded, so {@code inception validate} and every load report the
 * section's errors with file, line, column and field like the engine's own fields.
 *
 * <p>Implementations are found with {@link ServiceLoader}: list the class in
 * {@code META-INF/services/io.inception.engine.config.EnvironmentSection}. A module reads its typed
 * section with {@link EnvironmentFile#section(EnvironmentSection)}.
 *
 * @param <T> the section's typed record
 */
public interface EnvironmentSection<T> {
    /** The top-level key, e.g. {@code control-plane}. */
    String key();

    /**
     * Reads the section's node. Every problem goes to {@code problems} (with {@code field} as the
     * path prefix); the result is empty when the section is invalid.
     */
    Optional<T> read(YamlNode node, String field, Problems problems);

    /** The sections on the class path, found once. */
    static List<EnvironmentSection<?>> discovered() {
        return Discovered.ALL;
    }

    /** Holder so discovery happens once, on first use. */
    final class Discovered {
        @SuppressWarnings({"unchecked", "rawtypes"})
        private static final List<EnvironmentSection<?>> ALL = (List) ServiceLoader.load(EnvironmentSection.class)
                .stream().map(ServiceLoader.Provider::get).toList();

        private Discovered() {
        }
    }
}
