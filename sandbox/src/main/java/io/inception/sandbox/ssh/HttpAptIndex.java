package io.inception.sandbox.ssh;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the real apt repository a {@code deb [opts] URL SUITE COMPONENT...} line names over HTTP:
 * {@code dists/SUITE/COMPONENT/binary-amd64/Packages}, as apt does (signature checking is left to
 * real apt in the container tests).
 */
public final class HttpAptIndex implements PackageIndex {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PackageIndex fallback;

    /** @param fallback used for lines whose URL is not http(s) */
    public HttpAptIndex(PackageIndex fallback) {
        this.fallback = fallback;
    }

    @Override
    public Optional<Map<String, List<String>>> read(String sourceLine) {
        List<String> words = new ArrayList<>(List.of(sourceLine.trim().split("\\s+")));
        if (words.isEmpty() || !words.get(0).equals("deb")) return Optional.empty();
        words.remove(0);
        if (!words.isEmpty() && words.get(0).startsWith("[")) {
            while (!words.isEmpty() && !words.get(0).endsWith("]")) words.remove(0);
            if (!words.isEmpty()) words.remove(0);
        }
        if (words.size() < 3) return Optional.empty();
        String base = words.get(0);
        if (!base.startsWith("http://") && !base.startsWith("https://")) return fallback.read(sourceLine);
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        Map<String, List<String>> versions = new HashMap<>();
        for (String component : words.subList(2, words.size())) {
            URI uri = URI.create(base + "/dists/" + words.get(1) + "/" + component + "/binary-amd64/Packages");
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) return Optional.empty();
                parse(response.body(), versions);
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.of(versions);
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
}
