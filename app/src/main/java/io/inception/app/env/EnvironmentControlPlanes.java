package io.inception.app.env;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSnapshot;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.environment.InovaConnector;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.stage.ControlPlaneTargets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The environments' control planes for the provision stage and the server's watcher: environment
 * files read from a config repository at a ref, added cells and counts from the store, one
 * connected cloud per environment kept for the life of this object (its token is reused).
 */
public final class EnvironmentControlPlanes implements ControlPlaneTargets, AutoCloseable {
    private final String repository;
    private final String ref;
    private final ControlPlaneRecords records;
    private final InovaConnector connector;
    private final Map<String, Cloud> clouds = new ConcurrentHashMap<>();

    /**
     * @param repository the config repository (path or URL) holding {@code environments/}
     * @param ref        the ref its files are read at
     */
    public EnvironmentControlPlanes(String repository, String ref, ControlPlaneRecords records, InovaConnector connector) {
        this.repository = repository;
        this.ref = ref;
        this.records = records;
        this.connector = connector;
    }

    @Override
    public Target forEnvironment(String environment) {
        try (PipelineRepository repo = PipelineRepository.open(repository)) {
            return target(repo.at(ref).environment(environment)).orElseThrow(() -> new IllegalArgumentException(
                    "environment '" + environment + "' has no control-plane: section"));
        }
    }

    /** Every environment with a control plane (for the watcher); ones that cannot be connected are left out. */
    public List<Target> all() {
        List<Target> out = new ArrayList<>();
        try (PipelineRepository repo = PipelineRepository.open(repository)) {
            PipelineSnapshot snapshot = repo.at(ref);
            for (String name : snapshot.environmentNames()) {
                try {
                    target(snapshot.environment(name)).ifPresent(out::add);
                } catch (RuntimeException e) {
                    records.event(name, "watcher", "watcher: cannot reach the control plane: " + e.getMessage());
                }
            }
        }
        return out;
    }

    private java.util.Optional<Target> target(EnvironmentFile file) {
        return records.plane(file).map(plane -> new Target(plane, cloud(file, plane)));
    }

    private Cloud cloud(EnvironmentFile file, ControlPlane plane) {
        return clouds.computeIfAbsent(file.name(), n -> connector.connect(file, plane.spec()));
    }

    @Override
    public void close() {
        clouds.values().forEach(Cloud::close);
        clouds.clear();
    }
}
