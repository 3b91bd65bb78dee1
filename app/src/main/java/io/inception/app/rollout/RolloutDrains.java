package io.inception.app.rollout;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.rollout.Drain;
import io.inception.engine.rollout.Drains;
import io.inception.engine.rollout.InMemoryDrain;
import io.inception.engine.rollout.RolloutTargets;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudException;
import io.inception.inova.drain.NovaDrain;
import io.inception.inova.environment.InovaConnector;
import io.inception.inova.spec.ControlPlaneSection;
import io.inception.inova.spec.ControlPlaneSpec;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rollout's drain per environment: where the environment file has a {@code control-plane:}
 * section, Nova's ({@link NovaDrain}: the host's nova-compute service disabled in that environment's
 * iNova, with the reason naming the rollout); elsewhere a stand-in that only records which hosts
 * are drained (there is no scheduler to tell). One connected cloud per environment for the life
 * of this object.
 */
public final class RolloutDrains implements Drains, AutoCloseable {
    static final String REASON = "inception rollout";

    private final InovaConnector connector;
    private final Drain standIn;
    private final Map<String, Cloud> clouds = new ConcurrentHashMap<>();

    public RolloutDrains(InovaConnector connector, Drain standIn) {
        this.connector = connector;
        this.standIn = standIn;
    }

    /** Nova where an environment has a control plane, else an {@link InMemoryDrain}. */
    public static RolloutDrains of(InovaConnector connector) {
        return new RolloutDrains(connector, new InMemoryDrain());
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when the environment's iNova login cannot be made (e.g. the
     *                                  sandbox iNova without its login, a credential not set)
     * @throws NovaUnreachable          when the iNova does not accept the login
     */
    @Override
    public Drain forEnvironment(String environment, RolloutTargets.Fleet fleet) {
        Optional<EnvironmentFile> file = fleet.environment();
        Optional<ControlPlaneSpec> plane = file.flatMap(f -> f.section(new ControlPlaneSection()));
        if (plane.isEmpty()) return standIn;
        try {
            return new NovaDrain(clouds.computeIfAbsent(environment, e -> connector.connect(file.get(), plane.get())), REASON);
        } catch (CloudException e) {
            throw new NovaUnreachable("cannot log in to the iNova of " + environment + " to drain its hosts: " + e.getMessage());
        }
    }

    /**
     * The environment's Nova cannot be used to drain its hosts (no login for the sandbox iNova, a
     * credential not set, the cloud not answering): no host may be upgraded.
     */
    public static final class NovaUnreachable extends IllegalStateException {
        NovaUnreachable(String message) {
            super(message);
        }
    }

    /** Whether rollouts of {@code fleet} drain through Nova (for what the command prints). */
    public static boolean throughNova(RolloutTargets.Fleet fleet) {
        return fleet.environment().flatMap(f -> f.section(new ControlPlaneSection())).isPresent();
    }

    @Override
    public void close() {
        clouds.values().forEach(Cloud::close);
        clouds.clear();
    }
}
