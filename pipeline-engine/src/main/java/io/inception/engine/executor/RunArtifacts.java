package io.inception.engine.executor;

import io.inception.engine.stage.ArtifactStore;
import io.inception.engine.store.Store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A stage's artifacts: files under {@code <home>/runs/<runId>/<stage>/}, indexed in the store. */
final class RunArtifacts implements ArtifactStore {
    private final Store store;
    private final Path folder;
    private final String runId;
    private final String stage;

    RunArtifacts(Store store, Path home, String runId, String stage) {
        this.store = store;
        this.runId = runId;
        this.stage = stage;
        this.folder = home.resolve("runs").resolve(safe(runId)).resolve(safe(stage));
    }

    @Override
    public Path directory() throws IOException {
        return Files.createDirectories(folder);
    }

    @Override
    public Path put(String name, Path file) throws IOException {
        Path target = directory().resolve(safe(name));
        if (!file.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
        }
        store.artifacts().record(runId, stage, name, target, Files.size(target), sha256(target));
        return target;
    }

    @Override
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A name that stays inside its folder: no separators, no "..". */
    private static String safe(String name) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".")
                || name.equals("..")) {
            throw new IllegalArgumentException("artifact path element '" + name
                    + "' must be a plain file name (no '/', '\\' or '..')");
        }
        return name;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
