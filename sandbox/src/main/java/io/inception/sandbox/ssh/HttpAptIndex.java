package io.inception.sandbox.ssh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the real apt repository a {@code deb [opts] URI SUITE COMPONENT...} line names over HTTP, as
 * apt does: {@code InRelease} first, its signature checked by {@code gpgv} against the host's
 * {@code signed-by} keyring (skipped for {@code [trusted=yes]}), then every
 * {@code COMPONENT/binary-amd64/Packages} that the verified Release lists, refused unless its size
 * and SHA-256 are the ones Release gives. What differs from apt: only {@code InRelease} (no
 * {@code Release} + {@code Release.gpg} fallback), only the uncompressed {@code Packages}, no
 * {@code trusted.gpg.d} (a source needs {@code signed-by} or {@code trusted=yes}), and the .deb
 * itself is not downloaded at install.
 */
public final class HttpAptIndex implements PackageIndex {
    private static final String ARCHITECTURE = "amd64";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PackageIndex fallback;
    private final InReleaseVerifier verifier = new InReleaseVerifier();

    /** @param fallback used for lines whose URI is not http(s) */
    public HttpAptIndex(PackageIndex fallback) {
        this.fallback = fallback;
    }

    /** Reads a source without any host file: a {@code signed-by} source then fails as a missing keyring. */
    @Override
    public Optional<Map<String, List<String>>> read(String sourceLine) {
        return fetch(sourceLine, path -> Optional.empty()) instanceof Fetch.Found found
                ? Optional.of(found.versions()) : Optional.empty();
    }

    @Override
    public Fetch fetch(String sourceLine, Function<String, Optional<String>> files) {
        Optional<AptSource> parsed = AptSource.parse(sourceLine);
        if (parsed.isEmpty()) return new Fetch.Failed("E: Malformed entry in the sources list: " + sourceLine);
        AptSource source = parsed.get();
        if (!source.uri().startsWith("http://") && !source.uri().startsWith("https://")) {
            return fallback.fetch(sourceLine, files);
        }
        Optional<byte[]> inRelease = get(source.distUri() + "/InRelease");
        if (inRelease.isEmpty()) {
            return new Fetch.Failed("E: The repository '" + source.describe() + " Release' does not have a Release file.");
        }
        String release;
        if (source.trusted()) {
            release = ClearSigned.text(new String(inRelease.get(), StandardCharsets.UTF_8));
        } else {
            String keyring = source.signedBy().flatMap(files).orElse(null);
            String refusal = null;
            if (keyring == null) {
                refusal = source.signedBy().map(k -> "The signatures couldn't be verified because the keyring " + k
                        + " is missing").orElse("The signatures couldn't be verified: the source names no keyring (signed-by)");
                release = null;
            } else {
                InReleaseVerifier.Verification v = verifier.verify(inRelease.get(), keyring);
                release = v instanceof InReleaseVerifier.Verification.Good good ? good.release() : null;
                if (v instanceof InReleaseVerifier.Verification.Bad bad) refusal = bad.reason();
            }
            if (release == null) {
                return new Fetch.Failed("W: GPG error: " + source.describe() + " InRelease: " + refusal + "\n"
                        + "E: The repository '" + source.describe() + " InRelease' is not signed.");
            }
        }
        Map<String, ReleaseEntry> listed = ReleaseEntry.sha256Section(release);
        Map<String, List<String>> versions = new HashMap<>();
        for (String path : source.packagesPaths(ARCHITECTURE)) {
            ReleaseEntry expected = listed.get(path);
            if (expected == null) {
                return new Fetch.Failed("E: Unable to find expected entry '" + path
                        + "' in Release file (Wrong sources.list entry or malformed file)");
            }
            String uri = source.distUri() + "/" + path;
            Optional<byte[]> body = get(uri);
            if (body.isEmpty()) return new Fetch.Failed("E: Failed to fetch " + uri + "  404  Not Found");
            String actual = InReleaseVerifier.sha256(body.get());
            if (body.get().length != expected.size() || !actual.equals(expected.sha256())) {
                // apt's lines; its closing summary last, where a short tail of the output still shows it
                return new Fetch.Failed("E: Failed to fetch " + uri + "  Hash Sum mismatch\n"
                        + "   Hashes of expected file:\n    - Filesize:" + expected.size() + " [weak]\n    - SHA256:"
                        + expected.sha256() + "\n   Hashes of received file:\n    - SHA256:" + actual
                        + "\n    - Filesize:" + body.get().length + " [weak]\n"
                        + "E: Some index files failed to download (Hash Sum mismatch). They have been ignored, or old"
                        + " ones used instead.");
            }
            parse(new String(body.get(), StandardCharsets.UTF_8), versions);
        }
        return new Fetch.Found(versions);
    }

    private Optional<byte[]> get(String uri) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Adds every {@code Package:}/{@code Version:} pair of a Packages file to {@code into}. */
    static void parse(String packagesFile, Map<String, List<String>> into) {
        String name = null;
        for (String line : packagesFile.split("\n")) {
            if (line.startsWith("Package:")) name = line.substring(8).trim();
            else if (line.startsWith("Version:") && name != null) {
                into.computeIfAbsent(name, k -> new ArrayList<>()).add(line.substring(8).trim());
            } else if (line.isBlank()) name = null;
        }
    }

    /** One file a Release lists under {@code SHA256:}. */
    record ReleaseEntry(String sha256, long size) {
        static Map<String, ReleaseEntry> sha256Section(String release) {
            Map<String, ReleaseEntry> entries = new HashMap<>();
            boolean inSection = false;
            for (String line : release.split("\n")) {
                if (!line.startsWith(" ")) {
                    inSection = line.startsWith("SHA256:");
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (inSection && f.length == 3) entries.put(f[2], new ReleaseEntry(f[0], Long.parseLong(f[1])));
            }
            return entries;
        }
    }

    /** The signed text of a clear-signed message, unverified (for {@code [trusted=yes]} sources). */
    static final class ClearSigned {
        private ClearSigned() {
        }

        static String text(String message) {
            if (!message.startsWith("-----BEGIN PGP SIGNED MESSAGE-----")) return message;
            int body = message.indexOf("\n\n");
            int end = message.indexOf("\n-----BEGIN PGP SIGNATURE-----");
            if (body < 0 || end < body) return "";
            StringBuilder out = new StringBuilder();
            for (String line : message.substring(body + 2, end).split("\n", -1)) {
                out.append(line.startsWith("- ") ? line.substring(2) : line).append('\n');
            }
            return out.toString();
        }
    }
}
