package io.inception.engine.config;

import io.inception.engine.model.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An environment file ({@code environments/environments/qe.yaml}): the target of a deploy.
 *
 * @param name          environment name, equal to the file's base name
 * @param description   one line for reports
 * @param cells         compute cells in order, with their hosts
 * @param credentials   credentials by reference, by name
 * @param sshUser       the SSH user for the fleet (default root)
 * @param waves         the rollout's wave plan, in order; the last takes the rest
 * @param failureBudget how many hosts may fail before the rollout stops
 * @param source        the file it was read from (label, with {@code @commit} when read from git)
 * @param sections      the YAML of the sections other modules own ({@link EnvironmentSection}), by key
 */
public record EnvironmentFile(String name, String description, List<Cell> cells,
                              Map<String, CredentialRef> credentials, String sshUser, List<Wave> waves,
                              FailureBudget failureBudget, String source, Map<String, YamlNode> sections) {
    public EnvironmentFile {
        cells = List.copyOf(cells);
        sections = Map.copyOf(sections);
        credentials = Map.copyOf(credentials);
        waves = List.copyOf(waves);
    }

    /** An environment without module-owned sections. */
    public EnvironmentFile(String name, String description, List<Cell> cells, Map<String, CredentialRef> credentials,
                           String sshUser, List<Wave> waves, FailureBudget failureBudget, String source) {
        this(name, description, cells, credentials, sshUser, waves, failureBudget, source, Map.of());
    }

    /**
     * The typed section a module owns, or empty when the file has none. The file was checked when
     * it was loaded, so an invalid section cannot reach here; if it does, {@link ConfigException}.
     */
    public <T> java.util.Optional<T> section(EnvironmentSection<T> section) {
        YamlNode node = sections.get(section.key());
        if (node == null) return java.util.Optional.empty();
        Problems problems = new Problems();
        java.util.Optional<T> value = section.read(node, section.key(), problems);
        if (!problems.isEmpty()) throw new ConfigException(problems.sorted());
        return value;
    }

    /** One host and the cell it belongs to. */
    public record Host(String name, String cell) {
    }

    /** Every host of every cell, in order. */
    public List<Host> hosts() {
        return cells.stream().flatMap(c -> c.hosts().stream().map(h -> new Host(h, c.name()))).toList();
    }

    /** The engine's model of this environment. */
    public Environment toEnvironment() {
        return new Environment(name, description, source);
    }

    /** Reads and validates {@code text}; {@code label} names the file in errors. */
    public static Parsed<EnvironmentFile> parse(String text, String label) {
        return EnvironmentFileReader.read(text, label);
    }

    /** Reads and validates a file, throwing {@link ConfigException} with every error. */
    public static EnvironmentFile load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
