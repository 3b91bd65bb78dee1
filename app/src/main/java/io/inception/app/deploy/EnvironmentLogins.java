package io.inception.app.deploy;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.rollout.EnvironmentTargets;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * How Inception logs in to an environment's hosts: the file's SSH user and {@code ssh-key} credential
 * (relative files against {@code baseDir}, or an environment variable), and the known_hosts file it manages
 * for the environment under {@code knownHostsDir}. One place, used by the rollout, Puppet and smoke stages.
 */
public final class EnvironmentLogins {
    private final Path knownHostsDir;
    private final Path baseDir;
    private final Function<String, String> getenv;

    public EnvironmentLogins(Path knownHostsDir, Path baseDir, Function<String, String> getenv) {
        this.knownHostsDir = knownHostsDir;
        this.baseDir = baseDir;
        this.getenv = getenv;
    }

    /** The rollout's view of environments read by {@code files}. */
    public EnvironmentTargets targets(Function<String, EnvironmentFile> files) {
        return new EnvironmentTargets(files, knownHostsDir, baseDir, getenv);
    }

    public FleetSettings settings(EnvironmentFile file) {
        return targets(name -> file).settings(file);
    }
}
