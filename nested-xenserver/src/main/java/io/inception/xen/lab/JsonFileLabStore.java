package io.inception.xen.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Labs as earlier versions kept them: one {@code <id>.json} per lab under {@code $INCEPTION_HOME/labs},
 * each written atomically. Generations are kept in memory, so it fences operations within one process
 * only. Inception keeps labs in the database ({@link DbLabStore}); {@link #importInto} moves these
 * files' labs there once.
 */
public final class JsonFileLabStore implements LabStore {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final java.util.Map<String, Long> generations = new java.util.HashMap<>();

    public JsonFileLabStore(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized void save(Lab lab) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, lab.id(), ".tmp");
            JSON.writeValue(tmp.toFile(), lab);
            try {
                Files.move(tmp, file(lab.id()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(lab.id()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save lab " + lab.id() + " in " + dir, e);
        }
    }

    @Override
    public synchronized Optional<Lab> find(String id) {
        if (!id.matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        Path f = file(id);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), Lab.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lab file " + f, e);
        }
    }

    @Override
    public synchronized List<Lab> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Lab> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                out.add(JSON.readValue(f.toFile(), Lab.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read labs in " + dir, e);
        }
        out.sort(Comparator.comparing((Lab l) -> l.lease().createdAt()).thenComparing(Lab::id));
        return out;
    }

    @Override
    public synchronized long begin(String id) {
        if (find(id).isEmpty()) throw new IllegalArgumentException("no lab " + id);
        return generations.merge(id, 1L, Long::sum);
    }

    @Override
    public synchronized long generation(String id) {
        if (find(id).isEmpty()) throw new IllegalArgumentException("no lab " + id);
        return generations.getOrDefault(id, 0L);
    }

    @Override
    public synchronized Optional<Lab> update(String id, long generation, java.util.function.UnaryOperator<Lab> change) {
        Optional<Lab> lab = find(id);
        if (lab.isEmpty() || (generation != ANY_GENERATION && generations.getOrDefault(id, 0L) != generation)) {
            return Optional.empty();
        }
        Lab changed = change.apply(lab.get());
        save(changed);
        return Optional.of(changed);
    }

    /**
     * Copies every lab of these files that {@code target} does not have into it, then renames each
     * imported file to {@code <id>.json.imported} (so a second call imports nothing).
     *
     * @return the ids imported
     */
    public synchronized List<String> importInto(LabStore target) {
        List<String> imported = new ArrayList<>();
        for (Lab lab : all()) {
            if (target.find(lab.id()).isEmpty()) {
                target.save(lab);
                imported.add(lab.id());
            }
            try {
                Files.move(file(lab.id()), dir.resolve(lab.id() + ".json.imported"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot rename imported lab file " + file(lab.id()), e);
            }
        }
        return imported;
    }

    private Path file(String id) {
        return dir.resolve(id + ".json");
    }
}
