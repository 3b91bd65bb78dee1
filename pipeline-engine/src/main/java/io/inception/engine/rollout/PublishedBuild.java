package io.inception.engine.rollout;

import io.inception.engine.store.EngineJson;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a build published, as the rollout reads it: the {@code package} stage's output, stored as the
 * build's {@code package} fact (packaging's {@code PackageReport}, which the engine does not know;
 * fields it does not need are ignored when read).
 *
 * @param buildId      the build
 * @param version      the version of every package
 * @param packages     name and version of each package
 * @param distribution the published snapshot, {@code builds/<build-id>}
 * @param suite        the suite pointed at it, or null
 */
public record PublishedBuild(String buildId, String version, List<Package> packages, String distribution,
                             String suite) {
    /** The name of the build fact (and of the stage type) that records it. */
    public static final String FACT = "package";

    public PublishedBuild {
        packages = packages == null ? List.of() : List.copyOf(packages);
    }

    /** One published package. */
    public record Package(String name, String version) {
    }

    /** The version of {@code name} in this build, if the build has that package. */
    public Optional<String> versionOf(String name) {
        return packages.stream().filter(p -> p.name().equals(name)).map(Package::version).findFirst();
    }

    /**
     * The build's record among its facts (JSON by name): the {@code package} fact, else the one fact
     * shaped like it (a package stage given another name).
     */
    public static Optional<PublishedBuild> fromFacts(Map<String, String> factsJson) {
        if (factsJson.containsKey(FACT)) return Optional.of(EngineJson.read(factsJson.get(FACT),
                PublishedBuild.class));
        List<PublishedBuild> shaped = factsJson.values().stream()
                .filter(json -> json.contains("\"distribution\"") && json.contains("\"packages\""))
                .map(json -> EngineJson.read(json, PublishedBuild.class))
                .filter(b -> b.distribution() != null && !b.packages().isEmpty()).toList();
        return shaped.size() == 1 ? Optional.of(shaped.get(0)) : Optional.empty();
    }
}
