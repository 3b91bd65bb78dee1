package io.inception.packaging;

import io.inception.packaging.apt.AptRepository;
import io.inception.packaging.apt.AptSnapshot;
import io.inception.packaging.apt.PublishException;
import io.inception.packaging.apt.SuitePointer;
import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Candidate;
import io.inception.packaging.deb.CandidatePackager;
import io.inception.packaging.deb.DebBuilder;
import io.inception.packaging.deb.PackageSpecParser;
import io.inception.packaging.deb.SpecException;
import io.inception.packaging.signing.KeyStore;
import io.inception.packaging.signing.ReleaseSigner;
import io.inception.packaging.signing.Secret;
import io.inception.packaging.signing.SigningKey;
import io.inception.packaging.version.DebianVersion;
import org.bouncycastle.openpgp.PGPException;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The packaging porcelain the pipeline and the CLI use: package a candidate, publish its snapshot,
 * point an environment's suite at it, and tell hosts how to reach it.
 *
 * <pre>
 * Packaging p = Packaging.at(home.resolve("apt"), home.resolve("keys"), Clock.systemUTC(), passphrase);
 * List&lt;BuiltPackage&gt; debs = p.packageCandidate(specsDir, candidate, home.resolve("packages/" + buildId));
 * p.publish(buildId, debs);
 * p.point("qe", buildId);
 * System.out.println(p.sourcesLine("http://127.0.0.1:8080/apt", "qe"));
 * </pre>
 */
public final class Packaging {
    /** Where hosts keep the exported key, as written in the sources line. */
    public static final String HOST_KEYRING = "/etc/apt/keyrings/inception.asc";

    private final Path repoRoot;
    private final KeyStore keys;
    private final Clock clock;
    private final Secret passphrase;
    private AptRepository repository;

    private Packaging(Path repoRoot, KeyStore keys, Clock clock, Secret passphrase) {
        this.repoRoot = repoRoot;
        this.keys = keys;
        this.clock = clock;
        this.passphrase = passphrase;
    }

    /**
     * @param repoRoot   the repository folder (served as is)
     * @param keyDir     where the signing key lives; keep it outside {@code repoRoot}
     * @param passphrase the key's passphrase ({@link Secret#none()} for an unprotected key)
     */
    public static Packaging at(Path repoRoot, Path keyDir, Clock clock, Secret passphrase) {
        if (keyDir.toAbsolutePath().normalize().startsWith(repoRoot.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the key folder " + keyDir + " must not be inside the served repository "
                    + repoRoot);
        }
        return new Packaging(repoRoot, new KeyStore(keyDir, clock, new SecureRandom()), clock, passphrase);
    }

    /** Reads every spec in {@code specsDir} and builds one .deb each; nothing is built when any spec is bad. */
    public List<BuiltPackage> packageCandidate(Path specsDir, Candidate candidate, Path outputDir)
            throws IOException, SpecException {
        return new CandidatePackager(DebBuilder.gzip())
                .packageAll(PackageSpecParser.parseDirectory(specsDir), candidate, outputDir);
    }

    /** Publishes the immutable snapshot {@code builds/<buildId>}. */
    public AptSnapshot publish(String buildId, List<BuiltPackage> packages) throws IOException, PublishException {
        return repository().publishBuilt(buildId, packages);
    }

    /** Points an environment's suite at a build's snapshot (promotion and rollback use this). */
    public SuitePointer point(String suite, String buildId) throws IOException, PublishException {
        return repository().point(suite, buildId);
    }

    /** The repository (signing key made on first use). */
    public synchronized AptRepository repository() throws IOException {
        if (repository == null) repository = AptRepository.open(repoRoot, new ReleaseSigner(key(), clock), clock);
        return repository;
    }

    /** The signing key (made on first use). */
    public SigningKey key() throws IOException {
        try {
            return keys.loadOrCreate(passphrase);
        } catch (PGPException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The apt line for a host, with the key at {@link #HOST_KEYRING}. */
    public String sourcesLine(String baseUrl, String suite) {
        return AptRepository.sourcesLine(baseUrl, suite, HOST_KEYRING);
    }

    /** Checks a version given on the command line or computed by the pipeline. */
    public static DebianVersion version(String text) {
        return DebianVersion.parse(text);
    }
}
