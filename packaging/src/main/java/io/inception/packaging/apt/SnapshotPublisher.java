package io.inception.packaging.apt;

import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.DebArchive;
import io.inception.packaging.deb.Digests;
import io.inception.packaging.deb.SpecRules;
import io.inception.packaging.version.DebianVersion;
import io.inception.packaging.version.InvalidVersionException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** Publishes the immutable snapshot {@code builds/<id>}: pool files first, then the signed dist, renamed in at once. */
final class SnapshotPublisher {
    private final RepoLayout layout;
    private final DistWriter writer;
    private final Clock clock;
    private final List<String> architectures;

    SnapshotPublisher(RepoLayout layout, DistWriter writer, Clock clock, List<String> architectures) {
        this.layout = layout;
        this.writer = writer;
        this.clock = clock;
        this.architectures = architectures;
    }

    /** Reads and checks every .deb (outside the lock: it only reads the inputs). */
    List<IndexedPackage> inspect(List<Path> debs) throws IOException, PublishException {
        if (debs.isEmpty()) throw new PublishException("nothing to publish: no packages given");
        List<IndexedPackage> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path deb : debs) {
            if (!Files.isRegularFile(deb)) throw new PublishException("package file " + deb + " does not exist");
            ControlParagraph control;
            try {
                control = ControlParagraph.parse(DebArchive.control(deb));
            } catch (IOException | IllegalArgumentException e) {
                throw new PublishException(deb + " is not a readable .deb: " + e.getMessage());
            }
            String name = control.get("Package");
            String version = control.get("Version");
            String arch = control.get("Architecture");
            if (name == null || SpecRules.checkName(name) != null) {
                throw new PublishException(deb + ": invalid package name '" + name + "'");
            }
            try {
                DebianVersion.parse(version == null ? "" : version);
            } catch (InvalidVersionException e) {
                throw new PublishException(deb + ": " + e.getMessage());
            }
            if (arch == null || !(arch.equals("all") || architectures.contains(arch))) {
                throw new PublishException(deb + ": architecture '" + arch + "' is not published by this repository "
                        + architectures);
            }
            if (!seen.add(name + "/" + arch)) {
                throw new PublishException(deb + ": package " + name + " (" + arch + ") is given twice");
            }
            String fileName = BuiltPackage.fileName(name, version, arch);
            PoolPackage pool = new PoolPackage(name, version, arch, RepoLayout.poolPath(name, fileName),
                    Files.size(deb), Digests.sha256(deb));
            out.add(new IndexedPackage(pool, control, Digests.hex("MD5", deb), Digests.hex("SHA-1", deb)));
        }
        return out;
    }

    /** Under the repository lock. Returns false when an identical snapshot already exists. */
    boolean publish(String buildId, List<Path> debs, List<IndexedPackage> packages, long sequence)
            throws Exception {
        Path target = layout.snapshot(buildId);
        if (Files.exists(target)) {
            Set<String> existing = new HashSet<>();
            for (PoolPackage p : readPackages(target)) existing.add(p.filename() + "@" + p.sha256());
            Set<String> wanted = new HashSet<>();
            for (IndexedPackage p : packages) wanted.add(p.pool().filename() + "@" + p.pool().sha256());
            if (existing.equals(wanted)) return false;
            throw new PublishException("snapshot builds/" + buildId + " already exists with other packages;"
                    + " snapshots are immutable: publish a new build id");
        }
        for (int i = 0; i < debs.size(); i++) placeInPool(debs.get(i), packages.get(i).pool());

        Files.createDirectories(layout.tmp());
        Path staging = Files.createTempDirectory(layout.tmp(), "snapshot-" + buildId + "-");
        try {
            Map<String, String> indexes = new LinkedHashMap<>();
            for (String arch : architectures) {
                indexes.put(arch, PackagesIndex.render(packages.stream()
                        .filter(p -> p.pool().architecture().equals("all") || p.pool().architecture().equals(arch))
                        .toList()));
            }
            writer.write(staging, "builds/" + buildId, buildId, "Inception build " + buildId, indexes, List.of());
            Properties meta = new Properties();
            meta.setProperty("build", buildId);
            meta.setProperty("sequence", Long.toString(sequence));
            meta.setProperty("published", clock.instant().toString());
            try (OutputStream out = Files.newOutputStream(staging.resolve(RepoLayout.SNAPSHOT_META))) {
                meta.store(out, "Inception apt snapshot");
            }
            Files.createDirectories(layout.snapshots());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            RepoLayout.deleteRecursively(staging);
        }
        return true;
    }

    private void placeInPool(Path deb, PoolPackage p) throws IOException, PublishException {
        Path target = layout.root().resolve(p.filename());
        if (Files.exists(target)) {
            ensureSame(target, p);
            return;
        }
        Files.createDirectories(target.getParent());
        Files.createDirectories(layout.tmp());
        Path tmp = Files.createTempFile(layout.tmp(), "pool-", ".deb");
        try {
            Files.copy(deb, tmp, StandardCopyOption.REPLACE_EXISTING);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                ensureSame(target, p);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void ensureSame(Path existing, PoolPackage p) throws IOException, PublishException {
        if (!Digests.sha256(existing).equals(p.sha256())) {
            throw new PublishException("the pool already has " + p.filename() + " with different content: version "
                    + p.version() + " of " + p.name() + " was built twice; give the new build a new version");
        }
    }

    static List<PoolPackage> readPackages(Path dist) throws IOException {
        List<PoolPackage> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Path main = dist.resolve(DistWriter.COMPONENT);
        if (!Files.isDirectory(main)) return all;
        try (var archs = Files.list(main)) {
            for (Path arch : archs.sorted().toList()) {
                Path packages = arch.resolve("Packages");
                if (!Files.isRegularFile(packages)) continue;
                for (PoolPackage p : PackagesIndex.parse(Files.readString(packages))) {
                    if (seen.add(p.filename())) all.add(p);
                }
            }
        }
        return all;
    }
}
