package io.inception.packaging.build;

import com.github.dockerjava.api.DockerClient;
import io.inception.engine.unittest.LocalProcessRunner;
import io.inception.engine.unittest.TestCommandRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses where the unit-test stage runs commands:
 * <ul>
 *   <li>{@code INCEPTION_RUNNER=local}: local processes;</li>
 *   <li>{@code INCEPTION_RUNNER=docker}: containers, or an error when no daemon answers; the project
 *       image is built ({@link ProjectImage#ensure}, minutes the first time) when missing;</li>
 *   <li>unset: containers when the daemon answers and the image exists, otherwise local processes,
 *       with one log line saying why — a missing image is never built here, so a first demo does not
 *       wait minutes for debootstrap.</li>
 * </ul>
 * The image is {@code INCEPTION_TEST_IMAGE} when set, else the project's Debian image.
 */
public final class UnitTestRunners {
    private static final Logger LOG = LoggerFactory.getLogger(UnitTestRunners.class);

    private UnitTestRunners() {
    }

    /**
     * @param requested  {@code local}, {@code docker}, or null/blank for automatic
     * @param image      the image to use, or null for the project's Debian image
     * @param sourceRoot the project's checkout (holds {@code docker/debian-image/})
     */
    public static TestCommandRunner choose(String requested, String image, Path sourceRoot) {
        String mode = requested == null || requested.isBlank() ? "auto" : requested.strip().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("local") && !mode.equals("docker")) {
            throw new IllegalArgumentException("INCEPTION_RUNNER must be 'local' or 'docker', not '" + requested + "'");
        }
        if (mode.equals("local")) {
            LOG.info("unit tests run as local processes (INCEPTION_RUNNER=local)");
            return new LocalProcessRunner();
        }
        Optional<DockerClient> docker = BuildRunners.connect(null);
        if (docker.isEmpty()) {
            if (mode.equals("docker")) {
                throw new IllegalStateException("INCEPTION_RUNNER=docker but the Docker daemon does not answer; "
                        + "start dockerd or unset INCEPTION_RUNNER");
            }
            LOG.info("unit tests run as local processes: the Docker daemon does not answer");
            return new LocalProcessRunner();
        }
        String tag = image;
        if (tag == null || tag.isBlank()) {
            try {
                Optional<String> built = ProjectImage.existing(sourceRoot, docker.get());
                if (built.isPresent()) {
                    tag = built.get();
                } else if (mode.equals("docker")) {
                    LOG.info("building the project image for unit tests (a few minutes the first time)");
                    tag = ProjectImage.ensure(sourceRoot);
                } else {
                    LOG.info("unit tests run as local processes: the project image {} is not built yet "
                            + "(bash {} builds it, or set INCEPTION_RUNNER=docker)",
                            ProjectImage.expectedTag(sourceRoot), ProjectImage.SCRIPT);
                    return new LocalProcessRunner();
                }
            } catch (IOException e) {
                if (mode.equals("docker")) throw new IllegalStateException("no image for unit tests: " + e.getMessage(), e);
                LOG.info("unit tests run as local processes: no project image ({})", e.getMessage());
                return new LocalProcessRunner();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the project image", e);
            }
        }
        DockerTestRunner runner = DockerTestRunner.of(docker.get(), tag);
        runner.cleanupLeftovers();
        LOG.info("unit tests run in throwaway containers from {}", tag);
        return runner;
    }
}
