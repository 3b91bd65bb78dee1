package io.inception.packaging.apt;

import io.inception.packaging.deb.Digests;
import io.inception.packaging.deb.Gzip;
import io.inception.packaging.signing.ReleaseSigner;
import org.bouncycastle.openpgp.PGPException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one complete, signed distribution folder (what {@code dists/<suite>/} holds): per architecture
 * {@code main/binary-<arch>/Packages} and {@code Packages.gz} with {@code by-hash/SHA256/} copies, then
 * {@code Release}, {@code Release.gpg} and {@code InRelease}.
 */
final class DistWriter {
    static final String COMPONENT = "main";
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ReleaseSigner signer;
    private final Clock clock;
    private final String origin;

    DistWriter(ReleaseSigner signer, Clock clock, String origin) {
        this.signer = signer;
        this.clock = clock;
        this.origin = origin;
    }

    /**
     * @param dir         the (new, empty) folder to write
     * @param indexes     the Packages text per architecture
     * @param carryByHash index files of the previous generation kept reachable under by-hash, so an apt
     *                    that read the previous InRelease can still fetch what it lists
     */
    void write(Path dir, String suite, String codename, String description, Map<String, String> indexes,
               List<Path> carryByHash) throws IOException, PGPException {
        List<IndexFile> files = new ArrayList<>();
        for (Map.Entry<String, String> e : indexes.entrySet()) {
            String base = COMPONENT + "/binary-" + e.getKey() + "/";
            byte[] plain = e.getValue().getBytes(StandardCharsets.UTF_8);
            files.add(write(dir, base + "Packages", plain));
            files.add(write(dir, base + "Packages.gz", Gzip.best(plain)));
            Path byHash = Files.createDirectories(dir.resolve(base + "by-hash/SHA256"));
            for (Path old : carryByHash) {
                boolean sameArch = old.getParent().getParent().getParent().getFileName().toString()
                        .equals("binary-" + e.getKey());
                Path target = byHash.resolve(old.getFileName());
                // never replace what was just written, never carry a file whose content lost its hash
                if (sameArch && !Files.exists(target)
                        && Digests.sha256(old).equals(old.getFileName().toString())) {
                    Files.copy(old, target);
                }
            }
        }
        String release = release(suite, codename, description, indexes.keySet().stream().sorted().toList(), files);
        Files.writeString(dir.resolve("Release"), release, StandardCharsets.UTF_8);
        Files.write(dir.resolve("Release.gpg"), signer.detached(release.getBytes(StandardCharsets.UTF_8)));
        Files.write(dir.resolve("InRelease"), signer.clearSign(release));
    }

    private static IndexFile write(Path dir, String relative, byte[] content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, content);
        String sha256 = Digests.hex("SHA-256", content);
        Path byHash = Files.createDirectories(p.getParent().resolve("by-hash/SHA256"));
        Files.write(byHash.resolve(sha256), content);
        return new IndexFile(relative, content.length, Digests.hex("MD5", content), sha256);
    }

    private String release(String suite, String codename, String description, List<String> archs,
                           List<IndexFile> files) {
        StringBuilder sb = new StringBuilder();
        sb.append("Origin: ").append(origin).append('\n');
        sb.append("Label: ").append(origin).append('\n');
        sb.append("Suite: ").append(suite).append('\n');
        sb.append("Codename: ").append(codename).append('\n');
        sb.append("Date: ").append(DATE.format(clock.instant())).append('\n');
        sb.append("Architectures: ").append(String.join(" ", archs)).append('\n');
        sb.append("Components: ").append(COMPONENT).append('\n');
        sb.append("Description: ").append(description).append('\n');
        sb.append("Acquire-By-Hash: yes\n");
        sb.append("MD5Sum:\n");
        for (IndexFile f : files) sb.append(String.format(" %s %8d %s%n", f.md5(), f.size(), f.path()));
        sb.append("SHA256:\n");
        for (IndexFile f : files) sb.append(String.format(" %s %8d %s%n", f.sha256(), f.size(), f.path()));
        return sb.toString().replace("\r\n", "\n");
    }

    /** One index file as listed in Release. */
    private record IndexFile(String path, long size, String md5, String sha256) {
    }
}
