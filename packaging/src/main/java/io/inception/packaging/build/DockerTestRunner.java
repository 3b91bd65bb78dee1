package io.inception.packaging.build;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import io.inception.engine.unittest.TestCommandRunner;
import io.inception.engine.unittest.TestExecution;
import io.inception.engine.unittest.TestLaunch;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The unit-test stage's command in a throwaway container (docker-java): the fresh checkout is mounted
 * read-only at {@code /src} and copied to {@code /work}, where the command runs ({@code bash -c}, or
 * {@code sh -c} in an image without bash) with no network. When it ends, its output becomes the run's
 * log and the JUnit files matching the glob are copied out of {@code /work}; the container is then
 * removed — also on timeout and cancel ({@code docker stop}: SIGTERM, SIGKILL after the grace).
 *
 * <p><b>Restarts.</b> Containers are labelled {@value DockerBuildRunner#LABEL}{@code =}{@value #ROLE},
 * with the orchestrator that started them ({@value #OWNER_LABEL}) and the run folder
 * ({@value #LAUNCH_LABEL}). This runner does <em>not</em> re-attach to a container started by an
 * earlier orchestrator process: {@link #reattach} removes it (by the checkpointed id, or by the run
 * folder's label when the orchestrator died before checkpointing) and the stage runs the tests again
 * from a fresh checkout — safe because unit tests are idempotent. {@link #cleanupLeftovers()} removes,
 * at start-up, every such container whose orchestrator process is gone.
 */
public final class DockerTestRunner implements TestCommandRunner {
    /** The report's runner. */
    public static final String NAME = "docker";
    /** Value of {@link DockerBuildRunner#LABEL} on unit-test containers. */
    public static final String ROLE = "unit-test";
    /** {@code <host>/<pid>} of the orchestrator that started the container. */
    public static final String OWNER_LABEL = "io.inception.owner";
    /** The launch's label (run, stage, run folder). */
    public static final String LAUNCH_LABEL = "io.inception.unit-test";
    static final String CONTAINER = "container";
    private static final String SCRIPT = "mkdir -p /work && cp -a /src/. /work/ && cd /work && "
            + "if command -v bash >/dev/null 2>&1; then exec bash -c \"$INCEPTION_COMMAND\"; "
            + "else exec sh -c \"$INCEPTION_COMMAND\"; fi";
    private static final Logger LOG = LoggerFactory.getLogger(DockerTestRunner.class);

    private final DockerClient docker;
    private final String image;
    private final String networkMode;
    private final String owner;
    /** Containers started by this orchestrator process, by id: only these are followed. */
    private final Map<String, Execution> started;

    private DockerTestRunner(DockerClient docker, String image, String networkMode, String owner,
                             Map<String, Execution> started) {
        this.docker = docker;
        this.image = image;
        this.networkMode = networkMode;
        this.owner = owner;
        this.started = started;
    }

    /** Runs commands in {@code image} (e.g. {@link ProjectImage#existing}) with no network. */
    public static DockerTestRunner of(DockerClient docker, String image) {
        return new DockerTestRunner(docker, image, "none", thisProcess(), new ConcurrentHashMap<>());
    }

    /** The same runner with another network mode, e.g. {@code host} for tests that need loopback services. */
    public DockerTestRunner withNetworkMode(String mode) {
        return new DockerTestRunner(docker, image, mode, owner, started);
    }

    /** A runner as another orchestrator process would have it (tests of restarts). */
    DockerTestRunner asOwner(String newOwner) {
        return new DockerTestRunner(docker, image, networkMode, newOwner, new ConcurrentHashMap<>());
    }

    public String image() {
        return image;
    }

    @Override
    public String name() {
        return NAME;
    }

    static String thisProcess() {
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "localhost" : host) + "/" + ProcessHandle.current().pid();
    }

    /**
     * Removes the unit-test containers whose orchestrator (a process of this host) no longer exists;
     * returns their ids. Containers of live orchestrators and of other hosts are left alone.
     */
    public List<String> cleanupLeftovers() {
        List<String> removed = new ArrayList<>();
        for (Container c : labelled(Map.of())) {
            String o = c.getLabels() == null ? null : c.getLabels().get(OWNER_LABEL);
            if (o != null && !o.equals(owner) && ownerIsGone(o)) {
                remove(c.getId());
                removed.add(c.getId());
            }
        }
        if (!removed.isEmpty()) LOG.info("removed {} leftover unit-test container(s) of stopped orchestrators", removed.size());
        return removed;
    }

    private boolean ownerIsGone(String o) {
        int slash = o.lastIndexOf('/');
        String host = o.substring(0, Math.max(0, slash));
        if (!host.equals(owner.substring(0, owner.lastIndexOf('/')))) return false; // another host's
        try {
            return ProcessHandle.of(Long.parseLong(o.substring(slash + 1))).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private List<Container> labelled(Map<String, String> more) {
        Map<String, String> labels = new java.util.HashMap<>(more);
        labels.put(DockerBuildRunner.LABEL, ROLE);
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(labels).exec();
    }

    @Override
    public TestExecution start(TestLaunch launch) throws IOException {
        Path checkout = launch.checkout().toAbsolutePath().toRealPath();
        String id = docker.createContainerCmd(image)
                .withLabels(Map.of(DockerBuildRunner.LABEL, ROLE, OWNER_LABEL, owner, LAUNCH_LABEL, launch.label()))
                .withEnv("INCEPTION_COMMAND=" + launch.command(), "INCEPTION_SHA=" + launch.sha(), "CI=true")
                .withWorkingDir("/")
                .withCmd("sh", "-c", SCRIPT)
                .withHostConfig(HostConfig.newHostConfig()
                        .withBinds(new Bind(checkout.toString(), new Volume("/src"), AccessMode.ro))
                        .withNetworkMode(networkMode))
                .exec().getId();
        Execution e = new Execution(launch, id);
        started.put(id, e);
        try {
            docker.startContainerCmd(id).exec();
        } catch (RuntimeException ex) {
            started.remove(id);
            remove(id);
            throw new IOException("cannot start a container from " + image + ": " + ex.getMessage(), ex);
        }
        return e;
    }

    @Override
    public Optional<TestExecution> reattach(TestLaunch launch, Map<String, String> checkpoint) {
        String id = checkpoint.get(CONTAINER);
        if (id != null && started.containsKey(id)) return Optional.of(started.get(id));
        // Started by an earlier orchestrator process: remove it; the stage runs the tests again.
        if (id != null) remove(id);
        for (Container c : labelled(Map.of(LAUNCH_LABEL, launch.label()))) remove(c.getId());
        return Optional.empty();
    }

    private void remove(String id) {
        try {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
            // removed meanwhile; nothing to do
        }
    }

    private final class Execution implements TestExecution {
        private final TestLaunch launch;
        private final String id;
        private Path collected;

        Execution(TestLaunch launch, String id) {
            this.launch = launch;
            this.id = id;
        }

        @Override
        public Map<String, String> checkpoint() {
            return Map.of(CONTAINER, id);
        }

        @Override
        public String describe() {
            return "container " + id.substring(0, Math.min(12, id.length())) + " from " + image;
        }

        private Optional<InspectContainerResponse.ContainerState> state() {
            try {
                return Optional.ofNullable(docker.inspectContainerCmd(id).exec().getState());
            } catch (NotFoundException gone) {
                return Optional.empty();
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return collected == null && state().map(s -> Boolean.TRUE.equals(s.getRunning())).orElse(false);
        }

        @Override
        public synchronized Optional<Integer> exitCode() {
            if (collected != null) return Optional.empty();
            return state().filter(s -> !Boolean.TRUE.equals(s.getRunning()))
                    .map(InspectContainerResponse.ContainerState::getExitCodeLong).map(Long::intValue);
        }

        @Override
        public Optional<Duration> duration() {
            return Optional.empty(); // the stage measures from its start checkpoint
        }

        @Override
        public synchronized void kill(Duration grace) {
            try {
                docker.stopContainerCmd(id).withTimeout((int) Math.max(1, grace.toSeconds())).exec();
            } catch (NotFoundException | NotModifiedException stopped) {
                // already stopped or removed
            }
        }

        @Override
        public synchronized Path collect() throws IOException {
            if (collected != null) return collected;
            Path out = launch.runDir().resolve("container-out");
            try {
                writeLog();
                copyReports(out);
            } finally {
                remove(id);
                started.remove(id);
                collected = out;
            }
            return out;
        }

        private void writeLog() throws IOException {
            try (OutputStream log = Files.newOutputStream(launch.log());
                 ResultCallback.Adapter<Frame> cb = docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                         .exec(new ResultCallback.Adapter<>() {
                             @Override
                             public void onNext(Frame frame) {
                                 try {
                                     synchronized (log) {
                                         log.write(frame.getPayload());
                                     }
                                 } catch (IOException e) {
                                     throw new java.io.UncheckedIOException(e);
                                 }
                             }
                         })) {
                cb.awaitCompletion(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (NotFoundException gone) {
                Files.writeString(launch.log(), "(the container was removed before its output was read)\n");
            }
        }

        /** The JUnit files matching the glob, from the container's {@code /work} into {@code out}. */
        private void copyReports(Path out) throws IOException {
            Files.createDirectories(out);
            String glob = launch.junitGlob();
            if (glob == null || glob.isBlank()) return;
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            PathMatcher top = glob.startsWith("**/") ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : null;
            Path root = out.toAbsolutePath().normalize();
            try (InputStream raw = docker.copyArchiveFromContainerCmd(id, "/work").exec();
                 TarArchiveInputStream tar = new TarArchiveInputStream(raw)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (!e.isFile()) continue; // never a symlink or device planted by the tests
                    String name = e.getName();
                    int slash = name.indexOf('/');
                    if (slash < 0) continue;
                    String rel = name.substring(slash + 1); // entries are "work/<path>"
                    if (rel.isEmpty() || rel.startsWith(".git/")) continue;
                    Path relPath = Path.of(rel);
                    if (!m.matches(relPath) && (top == null || !top.matches(relPath))) continue;
                    Path target = root.resolve(rel).normalize();
                    if (!target.startsWith(root)) continue;
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (NotFoundException noWork) {
                // killed before /work existed: no reports
            }
        }
    }
}
