package io.inception.packaging.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.inception.engine.stage.Cancellation;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command in a throwaway container (like pbuilder): the checkout is mounted read-only at
 * {@code /src} and copied to {@code /work}, where the command runs; outputs are copied out of the
 * container, which is then removed whatever happened (exit, timeout, cancel). Containers carry the
 * label {@value #LABEL}, so ones left behind by a killed orchestrator are found and removed by
 * {@link #cleanupLeftovers()}.
 */
public final class DockerBuildRunner implements BuildRunner {
    /** Label on every container this runner makes. */
    public static final String LABEL = "io.inception.runner";
    static final String LABEL_VALUE = "hermetic";
    static final String BUILD_LABEL = "io.inception.build";
    private static final Logger LOG = LoggerFactory.getLogger(DockerBuildRunner.class);

    private final DockerClient docker;
    private final String image;
    private final String networkMode;
    private final Clock clock;

    private DockerBuildRunner(DockerClient docker, String image, String networkMode, Clock clock) {
        this.docker = docker;
        this.image = image;
        this.networkMode = networkMode;
        this.clock = clock;
    }

    /** A runner using {@code image} with no network (the command sees only loopback). */
    public static DockerBuildRunner of(DockerClient docker, String image, Clock clock) {
        return new DockerBuildRunner(docker, image, "none", clock);
    }

    /** The same runner with another network mode, e.g. {@code host} for tests that need loopback services. */
    public DockerBuildRunner withNetworkMode(String mode) {
        return new DockerBuildRunner(docker, image, mode, clock);
    }

    public String image() {
        return image;
    }

    @Override
    public RunnerKind kind() {
        return RunnerKind.DOCKER;
    }

    /** Removes every container of this runner still present (after a crash or kill); returns their ids. */
    public List<String> cleanupLeftovers() {
        List<String> removed = new ArrayList<>();
        List<Container> left = docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(LABEL, LABEL_VALUE)).exec();
        for (Container c : left) {
            remove(c.getId());
            removed.add(c.getId());
        }
        if (!removed.isEmpty()) LOG.info("removed {} leftover build container(s)", removed.size());
        return removed;
    }

    @Override
    public RunResult run(RunRequest request, Cancellation cancellation) throws IOException {
        Instant start = clock.instant();
        Path checkout = request.checkout().toAbsolutePath().toRealPath();
        List<String> env = new ArrayList<>();
        env.add("INCEPTION_COMMAND=" + request.command());
        request.env().forEach((k, v) -> env.add(k + "=" + v));
        String id = docker.createContainerCmd(image)
                .withLabels(Map.of(LABEL, LABEL_VALUE, BUILD_LABEL, request.buildId()))
                .withEnv(env)
                .withWorkingDir("/")
                .withCmd("sh", "-c", "mkdir -p /work && cp -a /src/. /work/ && cd /work && exec sh -c \"$INCEPTION_COMMAND\"")
                .withHostConfig(HostConfig.newHostConfig()
                        .withBinds(new Bind(checkout.toString(), new Volume("/src"), AccessMode.ro))
                        .withNetworkMode(networkMode))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            RunResult.Outcome outcome = await(id, request.timeout(), cancellation, start);
            int exit = -1;
            List<Path> outputs = List.of();
            if (outcome == RunResult.Outcome.EXITED) {
                Long code = docker.inspectContainerCmd(id).exec().getState().getExitCodeLong();
                exit = code == null ? -1 : code.intValue();
                outputs = copyOutputs(id, request);
            } else {
                docker.killContainerCmd(id).exec();
            }
            return new RunResult(RunnerKind.DOCKER, image, outcome, exit, Duration.between(start, clock.instant()),
                    outputs, Tails.tail(logs(id)));
        } finally {
            remove(id);
        }
    }

    /**
     * Waits for the container to stop, checking cancellation and the timeout every half second. A wait
     * stream that ends without an answer (the daemon or the connection dropped it) is asked again
     * unless the container has stopped meanwhile.
     */
    private RunResult.Outcome await(String id, Duration timeout, Cancellation cancellation, Instant start) {
        WaitContainerResultCallback waiting = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try {
            while (true) {
                try {
                    if (waiting.awaitCompletion(500, TimeUnit.MILLISECONDS)) {
                        Boolean running = docker.inspectContainerCmd(id).exec().getState().getRunning();
                        if (!Boolean.TRUE.equals(running)) return RunResult.Outcome.EXITED;
                        closeQuietly(waiting);
                        waiting = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return RunResult.Outcome.CANCELLED;
                }
                if (cancellation.isCancelled()) return RunResult.Outcome.CANCELLED;
                if (Duration.between(start, clock.instant()).compareTo(timeout) > 0) return RunResult.Outcome.TIMED_OUT;
            }
        } finally {
            closeQuietly(waiting);
        }
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // a closed wait stream has nothing left to release
        }
    }

    private List<Path> copyOutputs(String id, RunRequest request) throws IOException {
        List<Path> out = new ArrayList<>();
        for (String o : request.outputs()) {
            String clean = o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
            Path parent = request.outputDir().resolve(clean).getParent();
            Files.createDirectories(parent);
            try (InputStream in = docker.copyArchiveFromContainerCmd(id, "/work/" + clean).exec()) {
                extract(in, parent.toAbsolutePath().normalize());
                out.add(request.outputDir().resolve(clean));
            } catch (NotFoundException missing) {
                LOG.debug("output {} was not produced", o);
            }
        }
        return out;
    }

    private static void extract(InputStream tar, Path into) throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into)) throw new IOException("refusing to extract " + e.getName() + " outside " + into);
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private String logs(String id) {
        StringBuilder sb = new StringBuilder();
        try (ResultCallback.Adapter<Frame> cb = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Frame frame) {
                        synchronized (sb) {
                            sb.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                        }
                    }
                })) {
            cb.awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            sb.append("\n(could not read the container's log: ").append(e.getMessage()).append(')');
        }
        synchronized (sb) {
            return sb.toString();
        }
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed by someone else (cleanup on another node); nothing to do
        }
    }
}
