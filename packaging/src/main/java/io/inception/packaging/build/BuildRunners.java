package io.inception.packaging.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Chooses the runner: Docker where a daemon answers (leftover containers of an earlier, killed
 * orchestrator are removed first), otherwise local processes. The chosen {@link RunnerKind} is in
 * every {@link RunResult}, so the build records which one ran.
 */
public final class BuildRunners {
    private static final Logger LOG = LoggerFactory.getLogger(BuildRunners.class);

    private BuildRunners() {
    }

    /**
     * @param dockerHost  e.g. {@code unix:///var/run/docker.sock}, or null for the default ($DOCKER_HOST)
     * @param image       the image for hermetic runs, e.g. from {@link ProjectImage#ensure}
     * @param scratchRoot where the local runner makes its scratch copies
     */
    public static BuildRunner detect(String dockerHost, String image, Path scratchRoot, Clock clock) {
        Optional<DockerClient> docker = connect(dockerHost);
        if (docker.isPresent()) {
            DockerBuildRunner runner = DockerBuildRunner.of(docker.get(), image, clock);
            runner.cleanupLeftovers();
            return runner;
        }
        LOG.info("Docker is not available: builds and unit tests run as local processes");
        return new LocalBuildRunner(scratchRoot, clock);
    }

    /** A client for the daemon when it answers a ping within a few seconds. */
    public static Optional<DockerClient> connect(String dockerHost) {
        DefaultDockerClientConfig.Builder b = DefaultDockerClientConfig.createDefaultConfigBuilder();
        if (dockerHost != null) b.withDockerHost(dockerHost);
        DockerClientConfig config = b.build();
        DockerHttpClient http = new ZerodepDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(3))
                .responseTimeout(Duration.ofMinutes(5))
                .build();
        DockerClient client = DockerClientImpl.getInstance(config, http);
        try {
            client.pingCmd().exec();
            return Optional.of(client);
        } catch (RuntimeException e) {
            LOG.debug("no Docker daemon at {}: {}", config.getDockerHost(), e.getMessage());
            try {
                client.close();
            } catch (java.io.IOException ignored) {
                // nothing to release beyond the failed connection
            }
            return Optional.empty();
        }
    }
}
