package io.inception.app.rollout;

import io.inception.engine.rollout.AptSourceLines;
import io.inception.engine.rollout.BuildRelease;
import io.inception.engine.rollout.PublishedBuild;
import io.inception.engine.store.BuildRepository;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.AptRepository;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What a rollout of a build installs: the package's version in the build's published snapshot
 * (the build's {@code package} fact) and the apt line hosts read that snapshot with, made by
 * {@link Packaging#sourcesLine} for the URL the repository is served at.
 */
public final class BuildReleases {
    /** Where {@code inception server} serves the apt repository by default (its {@code --listen}, under /apt). */
    public static final String SERVER_REPO_URL = "http://127.0.0.1:8480/apt";

    private final BuildRepository builds;
    private final Packaging packaging;

    public BuildReleases(BuildRepository builds, Packaging packaging) {
        this.builds = builds;
        this.packaging = packaging;
    }

    /**
     * The release of {@code packageName} in {@code buildId}: {@code version} and {@code aptSource}
     * when both are given; otherwise from the build's published packages, the given values
     * overriding them, the line for the snapshot at {@code repoUrl}.
     */
    public BuildRelease.Lookup find(String buildId, String packageName, String repoUrl, Optional<String> version,
                                    Optional<String> aptSource) {
        if (version.isPresent() && aptSource.isPresent()) return BuildRelease.given(version, aptSource, "");
        Optional<PublishedBuild> published = PublishedBuild.fromFacts(builds.facts(buildId));
        if (published.isEmpty()) {
            return new BuildRelease.Lookup.Missing("build " + buildId + " has published no packages (no package stage"
                    + " recorded for it in the store): run its pipeline, or give --package-version and --apt-source");
        }
        return BuildRelease.of(published.get(), packageName, Optional.of(sourceLines(repoUrl)), version, aptSource);
    }

    /** The {@code deb [signed-by=...] URL SUITE main} line of each suite at {@code repoUrl}. */
    public AptSourceLines sourceLines(String repoUrl) {
        return suite -> packaging.sourcesLine(repoUrl, suite);
    }

    /**
     * The URL hosts read the repository at when none is given: {@code inception server}'s
     * ({@link #SERVER_REPO_URL}) when it answers there with this repository's key, else the
     * repository folder as a {@code file:} URL (hosts that share this machine's files).
     */
    public static String defaultRepoUrl(Path localRepo) {
        return servedHere(SERVER_REPO_URL, localRepo) ? SERVER_REPO_URL : localRepo.toAbsolutePath().toUri().toString();
    }

    /** Whether {@code url} serves the repository in {@code localRepo} (the same public key at its root). */
    static boolean servedHere(String url, Path localRepo) {
        Path key = localRepo.resolve(AptRepository.PUBLIC_KEY_FILE);
        if (!Files.isRegularFile(key)) return false;
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/" + AptRepository.PUBLIC_KEY_FILE))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().equals(Files.readString(key));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
