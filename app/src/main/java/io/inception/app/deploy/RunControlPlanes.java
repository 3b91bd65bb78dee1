package io.inception.app.deploy;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.stage.StageContext;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.environment.InovaConnector;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.stage.ControlPlaneTargets;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The provision stage's control planes: the run's environment file (at its pipeline commit), the cells
 * and counts recorded in the store, and one connected cloud per environment kept while Inception runs
 * (its token is reused and renewed by the client).
 */
public final class RunControlPlanes implements ControlPlaneTargets, AutoCloseable {
    private final RunEnvironments environments;
    private final ControlPlaneRecords records;
    private final InovaConnector connector;
    private final Map<String, Cloud> clouds = new ConcurrentHashMap<>();

    public RunControlPlanes(RunEnvironments environments, ControlPlaneRecords records, InovaConnector connector) {
        this.environments = environments;
        this.records = records;
        this.connector = connector;
    }

    @Override
    public Target forEnvironment(String environment) {
        return target(environments.named(environment));
    }

    @Override
    public Target forRun(StageContext context) {
        return target(environments.of(context));
    }

    private Target target(EnvironmentFile file) {
        ControlPlane plane = records.plane(file).orElseThrow(() -> new IllegalArgumentException(
                "environment '" + file.name() + "' (" + file.source() + ") has no control-plane: section"));
        return new Target(plane, clouds.computeIfAbsent(file.name(), n -> connector.connect(file, plane.spec())));
    }

    @Override
    public void close() {
        clouds.values().forEach(Cloud::close);
        clouds.clear();
    }
}
