package io.inception.engine.rollout;

import io.inception.engine.config.CredentialRef;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.config.Wave;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshKey;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rollout's view of environment files: the hosts of every cell (addresses and port from the
 * {@code rollout:} section), the SSH login ({@code ssh.user}, the {@code ssh-key} credential —
 * a file, or an environment variable holding the key), the known_hosts file Inception manages for
 * the environment ({@code <knownHostsDir>/<env>}), and the rollout plan: waves with their pauses
 * and manual gates, the failure budget, and the section's settings.
 */
public final class EnvironmentTargets implements RolloutTargets {
    private final Function<String, EnvironmentFile> environments;
    private final Path knownHostsDir;
    private final Path baseDir;
    private final Function<String, String> getenv;

    /**
     * @param environments  reads an environment file by name (e.g. at the config ref)
     * @param knownHostsDir where the managed known_hosts files are ({@code $INCEPTION_HOME/known_hosts})
     * @param baseDir       what a relative {@code ssh-key} file path is relative to
     * @param getenv        the process environment, for {@code {env: VAR}} credentials
     */
    public EnvironmentTargets(Function<String, EnvironmentFile> environments, Path knownHostsDir, Path baseDir,
                              Function<String, String> getenv) {
        this.environments = environments;
        this.knownHostsDir = knownHostsDir;
        this.baseDir = baseDir;
        this.getenv = getenv;
    }

    @Override
    public Fleet forEnvironment(String environment) {
        EnvironmentFile file = environments.apply(environment);
        return new Fleet(hosts(file), settings(file), Optional.of(file));
    }

    /** The managed known_hosts file of {@code environment}. */
    public Path knownHosts(String environment) {
        return knownHostsDir.resolve(environment);
    }

    /** Every host of every cell, with the address and port the {@code rollout:} section gives. */
    public static List<HostTarget> hosts(EnvironmentFile file) {
        RolloutSection.Settings s = settings(Optional.of(file));
        List<HostTarget> hosts = new ArrayList<>();
        for (EnvironmentFile.Host h : file.hosts()) hosts.add(new HostTarget(h.name(), h.cell(), s.addressOf(h.name()), s.port()));
        return hosts;
    }

    /** How to log in: the file's SSH user and {@code ssh-key} credential, the managed known_hosts. */
    public FleetSettings settings(EnvironmentFile file) {
        CredentialRef ref = file.credentials().get("ssh-key");
        if (ref == null) {
            throw new IllegalArgumentException(file.source() + ": no 'ssh-key' credential; add credentials: {ssh-key: {file: PATH}}");
        }
        SshKey key;
        if (ref.source() == CredentialRef.Source.FILE) {
            key = SshKey.fromFile(baseDir.resolve(ref.reference()));
        } else {
            String value = getenv.apply(ref.reference());
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the SSH key of " + file.name() + " is read from $" + ref.reference()
                        + ", which is not set");
            }
            key = SshKey.of(value.getBytes(StandardCharsets.UTF_8), "$" + ref.reference());
        }
        return FleetSettings.of(file.sshUser(), key, knownHosts(file.name()));
    }

    /**
     * The rollout of {@code version} over {@code file}'s hosts as the file plans it: its waves, a
     * {@link WaveGate} for every pause or {@code gate: manual}, its failure budget after the
     * section's strict waves, and the section's package, parallelism, cell order, rollback policy,
     * health command and command timeout.
     */
    public static RolloutSpec spec(EnvironmentFile file, String buildId, String version, String aptSource) {
        RolloutSection.Settings s = settings(Optional.of(file));
        List<WaveGate> gates = new ArrayList<>();
        List<Wave> waves = file.waves();
        for (int i = 0; i < waves.size() - 1; i++) {
            WaveGate g = new WaveGate(i, waves.get(i).pause(), waves.get(i).manualGate());
            if (g.holds()) gates.add(g);
        }
        return RolloutSpec.of(file.name(), buildId, version, aptSource)
                .withPackage(s.packageName())
                .withWaves(waves.stream().map(Wave::size).toList())
                .withMaxParallel(s.maxParallel())
                .withBudget(new FailureBudgetPolicy(s.strictWaves(), file.failureBudget().maxFailed()))
                .withCellOrder(s.cellOrder())
                .withRollbackAll(s.rollbackAll())
                .withLeaveFailedDrained(s.leaveFailedDrained())
                .withCommandTimeout(s.commandTimeout())
                .withHealthCommand(s.healthCommand().orElse(null))
                .withGates(gates);
    }

    /** The package (and service) the file's {@code rollout:} section names, {@code nova-compute} by default. */
    public static String packageName(EnvironmentFile file) {
        return settings(Optional.of(file)).packageName();
    }

    private static RolloutSection.Settings settings(Optional<EnvironmentFile> file) {
        return file.flatMap(f -> f.section(new RolloutSection())).orElse(RolloutSection.Settings.DEFAULT);
    }
}
