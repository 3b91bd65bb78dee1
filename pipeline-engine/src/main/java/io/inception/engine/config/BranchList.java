package io.inception.engine.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The merge train's input, read from {@code branches.yaml}: trunk, the ordered custom branches
 * and the repository's unit-test command.
 *
 * @param trunk    trunk ({@code name} is {@code trunk})
 * @param branches custom branches in merge order; names are unique
 * @param test     the unit-test command of the repository, or null when none is configured
 * @param source   the file it was read from (label, with {@code @commit} when read from git)
 */
public record BranchList(BranchSpec trunk, List<BranchSpec> branches, TestCommand test, String source) {
    public BranchList {
        branches = List.copyOf(branches);
    }

    /** Reads and validates {@code text}; {@code label} names the file in errors. */
    public static Parsed<BranchList> parse(String text, String label) {
        return BranchListReader.read(text, label);
    }

    /** Reads and validates a file, throwing {@link ConfigException} with every error. */
    public static BranchList load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The custom branch called {@code name}. */
    public Optional<BranchSpec> branch(String name) {
        return branches.stream().filter(b -> b.name().equals(name)).findFirst();
    }
}
