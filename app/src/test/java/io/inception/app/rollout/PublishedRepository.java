package io.inception.app.rollout;

import io.inception.app.InceptionHome;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.RepoFileServer;
import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Candidate;
import io.inception.packaging.stage.PackageReport;
import io.inception.packaging.version.DebianVersion;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * An Inception home whose apt repository holds the real packages of a candidate (the project's
 * specs in {@code environments/packages}: nova-common, nova-compute, nova-api), published as the
 * snapshot {@code builds/<id>} and served over HTTP on loopback, as the package stage leaves it.
 */
final class PublishedRepository implements AutoCloseable {
    final InceptionHome home;
    final Packaging packaging;
    final RepoFileServer server;
    final PackageReport report;

    private PublishedRepository(InceptionHome home, Packaging packaging, RepoFileServer server, PackageReport report) {
        this.home = home;
        this.packaging = packaging;
        this.server = server;
        this.report = report;
    }

    /** One signing key per JVM (RSA generation takes seconds), copied into each home's key folder. */
    private static Path keyTemplate;

    private static synchronized void copyKey(Path keys) throws Exception {
        if (keyTemplate == null) {
            Path dir = Files.createTempDirectory("inception-rollout-test-key");
            Packaging.at(dir.resolve("apt"), dir.resolve("keys"), Clock.systemUTC(), InceptionHome.repoKeyPassphrase())
                    .key();
            keyTemplate = dir.resolve("keys");
        }
        Files.createDirectories(keys);
        try (var files = Files.list(keyTemplate)) {
            for (Path f : files.toList()) {
                Files.copy(f, keys.resolve(f.getFileName()), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static PublishedRepository publish(Path home, Path work, String buildId, String version) throws Exception {
        copyKey(home.resolve("keys"));
        InceptionHome inceptionHome = new InceptionHome(home);
        Packaging packaging = inceptionHome.packaging(Clock.systemUTC());
        PackageReport report = build(packaging, work, buildId, version);
        RepoFileServer server = RepoFileServer.start(packaging.repository().root(), new InetSocketAddress("127.0.0.1", 0), "apt");
        return new PublishedRepository(inceptionHome, packaging, server, report);
    }

    /** Packages and publishes another build into the same repository. */
    PackageReport publishAnother(Path work, String buildId, String version) throws Exception {
        return build(packaging, work, buildId, version);
    }

    private static PackageReport build(Packaging packaging, Path work, String buildId, String version) throws Exception {
        Path tree = Files.createDirectories(work.resolve(buildId + "/nova/compute"));
        Files.writeString(tree.resolveSibling("__init__.py"), "");
        Files.writeString(tree.resolveSibling("version.py"), "VERSION = '27.2.0'\n");
        Files.writeString(tree.resolve("manager.py"), "class ComputeManager:\n    max_build_retries = 5\n");
        List<BuiltPackage> debs = packaging.packageCandidate(Path.of("../environments/packages"),
                new Candidate(work.resolve(buildId), DebianVersion.parse(version), Instant.parse("2026-11-27T05:40:00Z"),
                        List.of("Build " + buildId)), work.resolve(buildId + "-debs"));
        String distribution = packaging.publish(buildId, debs).distribution();
        return new PackageReport(buildId, version, debs.stream().map(p -> new PackageReport.PackageRecord(
                p.name(), p.version(), p.architecture(), p.size(), p.sha256(), p.file().toString())).toList(), distribution, null);
    }

    /** The line hosts put in their sources list for {@code suite} of the served repository. */
    String sourcesLine(String suite) {
        return packaging.sourcesLine(server.url(), suite);
    }

    /** The repository's public key, as configuration management puts it on every host. */
    String armoredKey() throws Exception {
        return packaging.key().exportArmored();
    }

    @Override
    public void close() {
        server.close();
    }
}
