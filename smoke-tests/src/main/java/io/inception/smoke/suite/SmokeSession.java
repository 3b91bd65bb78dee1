package io.inception.smoke.suite;

import io.inception.engine.fleet.SshFleet;
import io.inception.engine.wait.Pause;
import io.inception.engine.wait.WaitStrategy;
import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.openstack.HttpJson;
import io.inception.smoke.openstack.OpenStackSession;

import java.time.Clock;
import java.time.Duration;

/**
 * What the smoke tests of one run share: the deployed environment, one OpenStack login and one SSH
 * fleet (opened on first use, closed when the run ends), the clock, how waits pass the time, and the
 * timeouts.
 */
public final class SmokeSession implements AutoCloseable {
    private final DeployedEnvironment environment;
    private final Clock clock;
    private final Pause pause;
    private final Timeouts timeouts;
    private final HttpJson http;
    private OpenStackSession cloud;
    private SshFleet fleet;

    /**
     * How long things may take.
     *
     * @param http         one HTTP request
     * @param command      one command on a host
     * @param serverActive a server to become ACTIVE, and to be gone after delete
     * @param poll         how often a server's status is read while waiting
     */
    public record Timeouts(Duration http, Duration command, Duration serverActive, Duration poll) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofMinutes(5), Duration.ofSeconds(2));
    }

    public SmokeSession(DeployedEnvironment environment, Clock clock, Pause pause, Timeouts timeouts) {
        this.environment = environment;
        this.clock = clock;
        this.pause = pause;
        this.timeouts = timeouts;
        this.http = new HttpJson(timeouts.http());
    }

    public DeployedEnvironment environment() {
        return environment;
    }

    public Clock clock() {
        return clock;
    }

    public Timeouts timeouts() {
        return timeouts;
    }

    /** Waiting up to {@code timeout} on this session's clock, looking again every {@link Timeouts#poll()}. */
    public WaitStrategy waiting(Duration timeout) {
        return new WaitStrategy(timeout, timeouts.poll(), clock, pause);
    }

    public HttpJson http() {
        return http;
    }

    /** The run's OpenStack login, made on first use. */
    public synchronized OpenStackSession cloud() {
        if (cloud == null || !cloud.expiresAt().isAfter(clock.instant().plusSeconds(60))) {
            cloud = OpenStackSession.login(http, environment.cloud());
        }
        return cloud;
    }

    /** The SSH fleet of the environment's hosts, opened on first use. */
    public synchronized SshFleet fleet() {
        if (fleet == null) fleet = SshFleet.open(environment.ssh());
        return fleet;
    }

    @Override
    public synchronized void close() {
        if (fleet != null) fleet.close();
        fleet = null;
    }
}
