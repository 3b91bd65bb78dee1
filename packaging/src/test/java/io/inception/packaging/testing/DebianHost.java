package io.inception.packaging.testing;

import io.inception.packaging.build.ProjectImage;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;

/**
 * A Debian 12 container from the project's own image (built by debootstrap, never pulled), on the
 * host network so it reaches servers on 127.0.0.1. Without Docker this FAILS with what to do.
 */
public final class DebianHost implements AutoCloseable {
    private final GenericContainer<?> container;

    private DebianHost(GenericContainer<?> container) {
        this.container = container;
    }

    /** The project image's tag, building it if needed; fails the test when Docker is missing. */
    public static String image() throws Exception {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new AssertionError("Docker is not available, so this real-peer test cannot run. "
                    + "Install docker.io and start dockerd (test.sh does both), then run again.");
        }
        return ProjectImage.ensure(ProjectImage.findRepositoryRoot(Path.of("")));
    }

    @SuppressWarnings("resource")
    public static DebianHost start() throws Exception {
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(image()))
                .withNetworkMode("host")
                .withCommand("sleep", "infinity")
                .withLabel("io.inception.test", "packaging");
        c.start();
        return new DebianHost(c);
    }

    /** Runs a shell command as root; output is stdout then stderr. */
    public Processes.Result sh(String script) throws Exception {
        Container.ExecResult r = container.execInContainer("sh", "-c", script);
        return new Processes.Result(r.getExitCode(), r.getStdout() + r.getStderr());
    }

    /** Like {@link #sh} but fails the test (with the output) on a non-zero exit. */
    public String ok(String script) throws Exception {
        Processes.Result r = sh(script);
        if (r.exitCode() != 0) throw new AssertionError("'" + script + "' exited " + r.exitCode() + ":\n" + r.output());
        return r.output();
    }

    public GenericContainer<?> container() {
        return container;
    }

    @Override
    public void close() {
        container.stop();
    }
}
