package io.inception.packaging.apt;

import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.signing.ReleaseSigner;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A signed apt repository in a folder, served as plain files (any HTTP server, or {@code inception server}).
 *
 * <p>Every build publishes an immutable snapshot {@code builds/<build-id>}; environments have suites
 * ({@code qe}, {@code staging}) that point at one snapshot. Promotion repoints a suite, never rebuilds.
 * Changes are serialized by a lock (threads and processes); readers take none.
 *
 * <pre>
 * AptRepository repo = AptRepository.open(root, signer, clock);
 * repo.publish("b-42", debs);          // dists/builds/b-42, pool/...
 * repo.point("qe", "b-42");            // dists/qe -&gt; the b-42 indexes, re-signed as suite qe
 * repo.retain(10);                     // drop unpointed snapshots older than the newest 10
 * </pre>
 */
public final class AptRepository {
    /** The public key, written at the root for convenience ({@code curl .../inception-archive-keyring.asc}). */
    public static final String PUBLIC_KEY_FILE = "inception-archive-keyring.asc";

    private final RepoLayout layout;
    private final ReleaseSigner signer;
    private final Clock clock;
    private final List<String> architectures;
    private final String origin;

    private AptRepository(Path root, ReleaseSigner signer, Clock clock, List<String> architectures, String origin) {
        this.layout = new RepoLayout(root.toAbsolutePath().normalize());
        this.signer = signer;
        this.clock = clock;
        this.architectures = List.copyOf(architectures);
        this.origin = origin;
    }

    /** Opens (creating the folder if needed) a repository that publishes {@code amd64}. */
    public static AptRepository open(Path root, ReleaseSigner signer, Clock clock) throws IOException {
        Files.createDirectories(root);
        Files.writeString(root.resolve(PUBLIC_KEY_FILE), signer.key().exportArmored());
        return new AptRepository(root, signer, clock, List.of("amd64"), "Inception");
    }

    /** The same repository publishing these architectures ({@code all} packages go into each). */
    public AptRepository withArchitectures(List<String> archs) {
        return new AptRepository(layout.root(), signer, clock, archs, origin);
    }

    /** The same repository with another Origin/Label in its Release files. */
    public AptRepository withOrigin(String newOrigin) {
        return new AptRepository(layout.root(), signer, clock, architectures, newOrigin);
    }

    public Path root() {
        return layout.root();
    }

    /** Publishes the packages of a build as {@code builds/<buildId>}; idempotent for the same packages. */
    public AptSnapshot publish(String buildId, List<Path> debs) throws IOException, PublishException {
        RepoLayout.checkBuildId(buildId);
        SnapshotPublisher publisher = new SnapshotPublisher(layout, writer(), clock, architectures);
        List<IndexedPackage> packages = publisher.inspect(debs);
        return locked(() -> {
            long sequence = snapshots().stream().mapToLong(AptSnapshot::sequence).max().orElse(0) + 1;
            publisher.publish(buildId, debs, packages, sequence);
            return snapshot(buildId).orElseThrow();
        });
    }

    /** {@link #publish(String, List)} for what {@link io.inception.packaging.deb.CandidatePackager} built. */
    public AptSnapshot publishBuilt(String buildId, List<BuiltPackage> built) throws IOException, PublishException {
        return publish(buildId, built.stream().map(BuiltPackage::file).toList());
    }

    /** Points {@code suite} at the snapshot of {@code buildId}, atomically. */
    public SuitePointer point(String suite, String buildId) throws IOException, PublishException {
        String s = RepoLayout.checkSuite(suite);
        RepoLayout.checkBuildId(buildId);
        return locked(() -> new SuiteSwitch(layout, writer()).point(s, buildId));
    }

    /** Every suite and the build it points at. */
    public Map<String, SuitePointer> pointers() throws IOException {
        return new SuiteSwitch(layout, writer()).pointers();
    }

    /** Every snapshot, newest first. */
    public List<AptSnapshot> snapshots() throws IOException {
        List<AptSnapshot> out = new ArrayList<>();
        if (!Files.isDirectory(layout.snapshots())) return out;
        Map<String, SuitePointer> pointers = pointers();
        try (Stream<Path> dirs = Files.list(layout.snapshots())) {
            for (Path dir : dirs.toList()) read(dir, pointers).ifPresent(out::add);
        }
        out.sort(Comparator.comparingLong(AptSnapshot::sequence).reversed());
        return out;
    }

    public Optional<AptSnapshot> snapshot(String buildId) throws IOException {
        return read(layout.snapshot(buildId), pointers());
    }

    /** Removes unpointed snapshots older than the newest {@code keepNewest}, and unreferenced pool files. */
    public RetentionReport retain(int keepNewest) throws IOException {
        try {
            return locked(() -> new Retention(layout, new SuiteSwitch(layout, writer())).apply(keepNewest, snapshots()));
        } catch (PublishException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The line for {@code /etc/apt/sources.list.d/inception.list} on a host.
     *
     * @param baseUrl     where {@link #root()} is served, e.g. {@code http://10.0.0.5:8080/apt}
     * @param suite       {@code qe}, {@code staging} or {@code builds/<id>}
     * @param keyringPath where the host keeps the exported key, e.g. {@code /etc/apt/keyrings/inception.asc}
     */
    public static String sourcesLine(String baseUrl, String suite, String keyringPath) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return "deb [signed-by=" + keyringPath + "] " + base + "/ " + suite + " " + DistWriter.COMPONENT;
    }

    private DistWriter writer() {
        return new DistWriter(signer, clock, origin);
    }

    private Optional<AptSnapshot> read(Path dir, Map<String, SuitePointer> pointers) throws IOException {
        Path metaFile = dir.resolve(RepoLayout.SNAPSHOT_META);
        if (!Files.isRegularFile(metaFile)) return Optional.empty();
        Properties meta = new Properties();
        try (InputStream in = Files.newInputStream(metaFile)) {
            meta.load(in);
        }
        String id = meta.getProperty("build");
        List<String> pointedBy = pointers.values().stream().filter(p -> p.buildId().equals(id))
                .map(SuitePointer::suite).sorted().toList();
        List<PoolPackage> packages = new ArrayList<>(SnapshotPublisher.readPackages(dir));
        packages.sort(Comparator.comparing(PoolPackage::name).thenComparing(PoolPackage::architecture));
        return Optional.of(new AptSnapshot(id, Long.parseLong(meta.getProperty("sequence")),
                Instant.parse(meta.getProperty("published")), packages, pointedBy));
    }

    private <T> T locked(RepoLock.Work<T> work) throws IOException, PublishException {
        Files.createDirectories(layout.root());
        try {
            return RepoLock.withLock(layout.root(), work);
        } catch (IOException | PublishException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("repository change failed: " + e.getMessage(), e);
        }
    }
}
