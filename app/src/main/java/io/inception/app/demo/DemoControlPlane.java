package io.inception.app.demo;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.merge.Secret;
import io.inception.engine.store.EnvironmentResources;
import io.inception.inova.environment.ControlPlaneOperations;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.inova.openstack.OpenStackCloud;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.HealthCheck;
import io.inception.inova.provision.ProvisionedServer;
import io.inception.inova.provision.RoleConfigurer;
import io.inception.inova.provision.Step;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The demo's control plane: the {@code local} environment's {@code control-plane:} provisioned on
 * the sandbox iNova through openstack4j — the API cell and the environment's cell — then a second
 * cell added ({@code env add-cell}), and the result printed and stored with the environment.
 */
public final class DemoControlPlane {
    /** The second compute cell the demo adds. */
    public static final String SECOND_CELL = "local-c2";

    private DemoControlPlane() {
    }

    /**
     * Runs the demo step; returns the servers of both cells and the API cell, or throws when a
     * step failed (the demo stops there with the reason).
     *
     * @param environmentFile {@code environments/environments/local.yaml}
     * @param resources       the store's environment resources ({@code store.environmentResources()})
     */
    public static List<ProvisionedServer> run(Path environmentFile, EnvironmentResources resources, Clock clock,
                                              PrintStream out) throws InterruptedException {
        EnvironmentFile env = EnvironmentFile.load(environmentFile);
        ControlPlaneRecords records = new ControlPlaneRecords(resources);
        ControlPlane plane = records.plane(env).orElseThrow(() -> new IllegalStateException(
                environmentFile + " has no control-plane: section"));
        try (InovaSimulator inova = InovaSimulator.start(InovaSpec.defaults().withClock(clock));
             OpenStackCloud cloud = OpenStackCloud.connect(new KeystoneLogin(inova.authUrl(), inova.username(),
                     new Secret(inova.password()), inova.project(), inova.domain()), clock)) {
            out.println("      sandbox iNova at " + inova.authUrl() + " (compute microversion " + cloud.microversion() + ")");
            ControlPlaneOperations ops = new ControlPlaneOperations(cloud, records, clock, d -> Thread.sleep(d.toMillis()),
                    line -> out.println("      " + line), RoleConfigurer.NONE, HealthCheck.STANDARD);
            Step first = ops.provision(plane, "demo", Duration.ofMinutes(5));
            if (!(first instanceof Step.Done)) throw new IllegalStateException("provision failed: " + first);
            Step second = ops.addCell(records.plane(env).orElseThrow(), SECOND_CELL, "demo", Duration.ofMinutes(5));
            if (!(second instanceof Step.Done)) throw new IllegalStateException("add-cell failed: " + second);
            List<ProvisionedServer> servers = ops.current(records.plane(env).orElseThrow());
            out.printf("      %-30s %-9s %-10s %-15s %s%n", "SERVER", "CELL", "ROLE", "ADDRESS", "STATUS");
            for (ProvisionedServer s : servers) {
                out.printf("      %-30s %-9s %-10s %-15s %s%n", s.name(), s.cell(), s.role(), s.address(), s.status());
            }
            return servers;
        }
    }
}
