package io.inception.sandbox.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Checks the OpenPGP signature of an {@code InRelease} file against a host's keyring the way apt
 * does: by running Debian's {@code gpgv} (apt's own verifier) on it, with an armored {@code .asc}
 * keyring dearmored first as apt does. The text returned is what gpgv verified, never the file's
 * own reading of itself. Results are remembered per (InRelease, keyring) pair, so a fleet of hosts
 * reading the same snapshot runs gpgv once.
 */
final class InReleaseVerifier {
    /** The verified Release text, or why apt would refuse it. */
    sealed interface Verification {
        record Good(String release) implements Verification {
        }

        record Bad(String reason) implements Verification {
        }
    }

    private static final int REMEMBERED = 256;
    private final Map<String, Verification> remembered = new ConcurrentHashMap<>();

    Verification verify(byte[] inRelease, String keyring) {
        String key = sha256(inRelease) + ":" + sha256(keyring.getBytes(StandardCharsets.UTF_8));
        Verification known = remembered.get(key);
        if (known != null) return known;
        Verification v = run(inRelease, keyring);
        if (remembered.size() >= REMEMBERED) remembered.clear();
        remembered.put(key, v);
        return v;
    }

    private static Verification run(byte[] inRelease, String keyring) {
        byte[] binaryKeyring;
        try {
            binaryKeyring = dearmor(keyring);
        } catch (IllegalArgumentException e) {
            return new Verification.Bad("the keyring is not an armored OpenPGP key block: " + e.getMessage());
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sandbox-gpgv-");
            Path keys = Files.write(dir.resolve("keyring.gpg"), binaryKeyring);
            Path signed = Files.write(dir.resolve("InRelease"), inRelease);
            Path text = dir.resolve("Release");
            Process gpgv = new ProcessBuilder("gpgv", "--homedir", dir.toString(), "--keyring", keys.toString(),
                    "--output", text.toString(), signed.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            byte[] stderr = gpgv.getErrorStream().readAllBytes();
            if (!gpgv.waitFor(30, TimeUnit.SECONDS)) {
                gpgv.destroyForcibly();
                return new Verification.Bad("gpgv did not answer within 30 s");
            }
            if (gpgv.exitValue() != 0) return new Verification.Bad(reason(new String(stderr, StandardCharsets.UTF_8)));
            return new Verification.Good(Files.readString(text, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("running gpgv (Debian package gpgv) to check an InRelease file", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Verification.Bad("interrupted while checking the signature");
        } finally {
            deleteQuietly(dir);
        }
    }

    /** gpgv's complaint in apt's words where apt has some ({@code NO_PUBKEY}, {@code BADSIG}). */
    private static String reason(String stderr) {
        List<String> lines = stderr.lines().map(l -> l.replaceFirst("^gpgv: ", "").trim()).filter(l -> !l.isEmpty())
                .toList();
        String all = String.join("; ", lines);
        if (all.contains("No public key")) {
            String keyId = lines.stream().filter(l -> l.contains("using ") && l.contains(" key "))
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElse("?");
            return "The following signatures couldn't be verified because the public key is not available: NO_PUBKEY "
                    + keyId;
        }
        if (all.contains("BAD signature")) return "The following signatures were invalid: BADSIG (" + all + ")";
        return all.isEmpty() ? "gpgv refused the signature" : all;
    }

    /** The binary form of an ASCII-armored key block (RFC 4880 section 6.2). */
    static byte[] dearmor(String armored) {
        List<String> lines = armored.lines().map(String::strip).toList();
        int begin = lines.indexOf("-----BEGIN PGP PUBLIC KEY BLOCK-----");
        if (begin < 0) throw new IllegalArgumentException("no BEGIN PGP PUBLIC KEY BLOCK line");
        int i = begin + 1;
        while (i < lines.size() && !lines.get(i).isEmpty()) {
            if (!lines.get(i).contains(":")) break; // no armor headers: the data starts here
            i++;
        }
        List<String> data = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("-----END") || (l.startsWith("=") && l.length() == 5)) break;
            if (!l.isEmpty()) data.add(l);
        }
        if (data.isEmpty()) throw new IllegalArgumentException("the key block is empty");
        return Base64.getDecoder().decode(String.join("", data));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
