package io.inception.app.labs;

import io.inception.cluster.Claim;
import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.ClusterWork;
import io.inception.cluster.Sweep;
import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkOutcome;
import io.inception.cluster.WorkQueue;
import io.inception.cluster.Zones;
import io.inception.engine.merge.Secret;
import io.inception.engine.store.Store;
import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;
import io.inception.xen.lab.DbLabStore;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabOutcome;
import io.inception.xen.lab.LabRequest;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.LabStore;
import io.inception.xen.lab.PhysicalPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lab builds as cluster work, with in-process nodes on one H2 database and the simulated physical
 * pool in zone {@code dfw}: the node building a lab stalls mid-build and stops heartbeating (to the
 * others, a node killed with -9); a node of the pool's zone takes the build over and finishes it
 * with exactly the template's VMs, and the stalled node, when it wakes up, is fenced and removes
 * the VM it made after the takeover.
 */
class LabClusterTest {
    private final Clock clock = Clock.systemUTC();
    private XenApiSimulator sim;
    private Store store;
    private DataSource dataSource;
    private List<PhysicalPool> pools;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private final Queue<String> executions = new ConcurrentLinkedQueue<>();
    private StallingStore stalling;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:labs-cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        store = Store.open(url);
        dataSource = ClusterDatabase.dataSource(url);
        sim = XenApiSimulator.start();
        pools = List.of(new PhysicalPool("sandbox", sim.url(), sim.username(), new Secret(sim.password()), Optional.of("dfw")));
    }

    @AfterEach
    void close() {
        if (stalling != null) stalling.release.countDown();
        nodes.forEach(ClusterNode::close);
        store.close();
        sim.close();
    }

    private LabService service(LabStore labStore) {
        return LabService.standard(templates(), labStore, pools, clock);
    }

    private static Path templates() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("environments/labs"))) return p.resolve("environments/labs");
        }
        throw new IllegalStateException("no environments/labs above " + Path.of("").toAbsolutePath());
    }

    /** A node whose lab works record what they came to, as {@code <node> <kind> <lab>: <message>}. */
    private ClusterNode node(String id, String zones, Duration heartbeat, int threads, LabService labs) {
        return node(id, zones, heartbeat, threads, LabWorks.works(labs));
    }

    private ClusterNode nodeWith(String id, String zones, List<ClusterWork> labWorks) {
        return node(id, zones, Duration.ofMillis(200), 2, labWorks);
    }

    private ClusterNode node(String id, String zones, Duration heartbeat, int threads, List<ClusterWork> labWorks) {
        List<ClusterWork> works = new ArrayList<>();
        for (ClusterWork w : labWorks) {
            works.add(new ClusterWork() {
                @Override
                public String kind() {
                    return w.kind();
                }

                @Override
                public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
                    WorkOutcome o = w.execute(item, stopping);
                    executions.add(id + " " + item.kind() + " " + item.id() + ": "
                            + (o instanceof WorkOutcome.Done d ? d.message() : ((WorkOutcome.Again) o).message()));
                    return o;
                }
            });
        }
        ClusterConfig config = ClusterConfig.of(id, Zones.parse(zones)).withHeartbeat(heartbeat, 4)
                .withPollInterval(Duration.ofMillis(100)).withThreads(threads);
        ClusterNode node = ClusterNode.start(dataSource, config, works, List.of(), clock);
        nodes.add(node);
        return node;
    }

    private List<String> taggedVms(String labId) {
        try (XenSession s = XenApi.connect(sim.url()).login(sim.username(), sim.password())) {
            return s.vms().taggedWith("inception-lab", labId).stream().map(v -> v.nameLabel()).sorted().toList();
        }
    }

    @Test
    void aBuildWhoseNodeDiesMidwayIsFinishedByANodeOfThePoolsZoneWithExactlyTheTemplatesVms() throws Exception {
        LabService front = LabWorks.queued(service(new DbLabStore(store.labs())), new WorkQueue(dataSource, clock));
        Lab accepted = ((LabOutcome.Accepted) front.request(new LabRequest("dev1", "nested-3", "failover", null))).lab();
        String id = accepted.id();
        assertThat(new WorkQueue(dataSource, clock).items()).extracting(Claim::kind, Claim::zone, Claim::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lab-build", Optional.of("dfw"), id));

        // node-a stalls right after recording its second VM: its one work thread blocked, it claims nothing
        // more, and its heartbeat (1 h) never comes in time — to the other nodes, a node killed with -9
        stalling = new StallingStore(new DbLabStore(store.labs()), 2);
        node("node-a", "dfw", Duration.ofHours(1), 1, service(stalling));
        assertThat(stalling.reached.await(90, TimeUnit.SECONDS)).as("node-a made two VMs").isTrue();
        assertThat(taggedVms(id)).containsExactly(id + "-host-1", id + "-host-2");

        node("node-x", "ord", Duration.ofMillis(200), 4, service(new DbLabStore(store.labs())));
        node("node-b", "dfw", Duration.ofMillis(200), 4, service(new DbLabStore(store.labs())));
        Lab ready = LabStates.await(front, id, Lab.State.READY);

        List<String> expected = List.of(id + "-control", id + "-host-1", id + "-host-2", id + "-host-3");
        assertThat(ready.vms()).extracting(Lab.LabVm::name).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(taggedVms(id)).containsExactlyElementsOf(expected);
        assertThat(executions).containsExactly("node-b lab-build " + id + ": lab " + id + " ready");
        try (XenSession master = XenApi.connect("http://" + ready.masterAddress() + "/").login(sim.username(), sim.password())) {
            assertThat(master.hosts().all()).as("the nested pool of the finished lab").hasSize(3);
        }

        // node-a wakes up: its next write is refused, it removes the VM it made meanwhile and stops
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Logger scheduler = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.github.kagkarlsson.scheduler");
        ch.qos.logback.classic.Logger cluster = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ClusterNode.class);
        scheduler.addAppender(logged);
        cluster.addAppender(logged);
        try {
            stalling.release.countDown();
            LabStates.awaitTrue(() -> executions.size() == 2, "node-a's build returned", executions::toString);
            String tookOver = "lab-build " + id + ": another node took it over meanwhile; left to it";
            LabStates.awaitTrue(() -> logged.list.stream().anyMatch(e -> e.getFormattedMessage().equals(tookOver)),
                    "node-a leaving the item to node-b", () -> logged.list.toString());
            assertThat(logged.list).as("node-a's completion of an item it no longer owns is no error")
                    .noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR);
        } finally {
            scheduler.detachAppender(logged);
            cluster.detachAppender(logged);
        }
        assertThat(executions).element(1).asString().startsWith("node-a lab-build " + id + ": a later operation on lab");
        assertThat(taggedVms(id)).containsExactlyElementsOf(expected);
        assertThat(front.show(id)).contains(ready);
        assertThat(executions).noneMatch(e -> e.startsWith("node-x"));
    }

    @Test
    void aDeleteIsQueuedToThePoolsZoneAndRemovesEveryVm() {
        LabService front = LabWorks.queued(service(new DbLabStore(store.labs())), new WorkQueue(dataSource, clock));
        node("node-b", "dfw", Duration.ofMillis(200), 4, service(new DbLabStore(store.labs())));
        String id = ((LabOutcome.Accepted) front.request(new LabRequest("dev1", "single-host", null, null))).lab().id();
        LabStates.await(front, id, Lab.State.READY);
        assertThat(taggedVms(id)).hasSize(1);

        assertThat(front.requestDelete(id).state()).isEqualTo(Lab.State.DELETING);
        LabStates.await(front, id, Lab.State.DELETED);
        assertThat(taggedVms(id)).isEmpty();
        assertThat(executions).containsExactly("node-b lab-build " + id + ": lab " + id + " ready",
                "node-b lab-delete " + id + ": lab " + id + " is DELETED");
    }

    @Test
    void theReaperSweepQueuesAgainTheBuildOfALabWhoseProcessDiedBeforeQueuingIt() {
        WorkQueue queue = new WorkQueue(dataSource, clock);
        LabService front = LabWorks.queued(service(new DbLabStore(store.labs())), queue);
        // recorded CREATING, then the process died before queuing its build
        String id = ((LabOutcome.Accepted) front.accept(new LabRequest("dev1", "single-host", null, null))).lab().id();
        assertThat(queue.items()).isEmpty();
        Sweep reaper = reaper(queue, clock);
        Sweep reaperAfterGrace = reaper(queue, Clock.offset(clock, LabService.REQUEUE_AFTER.plusSeconds(1)));
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        ch.qos.logback.classic.Logger works = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(LabWorks.class);
        works.addAppender(logged);
        try {
            reaper.action().run();
            assertThat(queue.items()).as("a lab just recorded is not queued again within the grace").isEmpty();

            reaperAfterGrace.action().run();
            reaperAfterGrace.action().run();
            assertThat(queue.items()).extracting(Claim::kind, Claim::zone, Claim::id)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("lab-build", Optional.of("dfw"), id));
            assertThat(logged.list).extracting(e -> e.getFormattedMessage()).containsExactly("lab reaper: lab " + id
                    + " was left without its queued build (its process died before queuing it): queued it again");
        } finally {
            works.detachAppender(logged);
        }

        node("node-b", "dfw", Duration.ofMillis(200), 2, service(new DbLabStore(store.labs())));
        LabStates.await(front, id, Lab.State.READY);
        assertThat(taggedVms(id)).hasSize(1);
        assertThat(executions).containsExactly("node-b lab-build " + id + ": lab " + id + " ready");
    }

    private Sweep reaper(WorkQueue queue, Clock at) {
        return LabWorks.reaper(LabWorks.queued(LabService.standard(templates(), new DbLabStore(store.labs()), pools, at), queue),
                Duration.ofMinutes(5));
    }

    @Test
    void aDeleteOnAPoolNoNodeHasIsFailedAfterItsAttemptsNamingThePoolAndTheFix() {
        LabService front = LabWorks.queued(service(new DbLabStore(store.labs())), new WorkQueue(dataSource, clock));
        node("node-b", "dfw", Duration.ofMillis(200), 2, service(new DbLabStore(store.labs())));
        String id = ((LabOutcome.Accepted) front.request(new LabRequest("dev1", "single-host", null, null))).lab().id();
        LabStates.await(front, id, Lab.State.READY);
        nodes.forEach(ClusterNode::close);
        nodes.clear();

        // the lab's pool is renamed on every node: none has "sandbox" any more
        List<PhysicalPool> renamed = List.of(new PhysicalPool("sandbox-2", sim.url(), sim.username(), new Secret(sim.password()),
                Optional.empty()));
        LabService elsewhere = LabService.standard(templates(), new DbLabStore(store.labs()), renamed, clock);
        LabService renamedFront = LabWorks.queued(elsewhere, new WorkQueue(dataSource, clock));
        assertThat(renamedFront.requestDelete(id).state()).isEqualTo(Lab.State.DELETING);
        nodeWith("node-c", "dfw", LabWorks.works(elsewhere, new LabWorks.PoolRetry(3, Duration.ofMillis(100))));

        Lab failed = LabStates.await(front, id, Lab.State.FAILED);
        assertThat(failed.message()).isEqualTo("delete given up after 3 attempts: lab " + id + " is on pool sandbox,"
                + " which no node that took its work has configured. Configure it on a node of its zone (INCEPTION_XENAPI_URL,"
                + " INCEPTION_XENAPI_USER, INCEPTION_XENAPI_PASSWORD, INCEPTION_XENAPI_POOL=sandbox and, in a cluster,"
                + " INCEPTION_XENAPI_ZONE=<zone> with --zones <zone>), then delete it again (inception lab delete " + id + ")");
        LabStates.awaitTrue(() -> new WorkQueue(dataSource, clock).items().isEmpty(), "the delete leaving the queue",
                () -> new WorkQueue(dataSource, clock).items().toString());
        assertThat(executions).containsExactly(
                "node-b lab-build " + id + ": lab " + id + " ready",
                "node-c lab-delete " + id + ": lab " + id + " is on pool sandbox, which this node has not configured (attempt 1 of 3)",
                "node-c lab-delete " + id + ": lab " + id + " is on pool sandbox, which this node has not configured (attempt 2 of 3)",
                "node-c lab-delete " + id + ": lab " + id + " is FAILED: " + failed.message());

        // configured again: deleting it again removes its VM
        nodes.forEach(ClusterNode::close);
        nodes.clear();
        assertThat(front.requestDelete(id).state()).isEqualTo(Lab.State.DELETING);
        node("node-b2", "dfw", Duration.ofMillis(200), 2, service(new DbLabStore(store.labs())));
        LabStates.await(front, id, Lab.State.DELETED);
        assertThat(taggedVms(id)).isEmpty();
    }

    /** A lab store that, once, blocks its caller after writing a CREATING lab with {@code stallAt} VMs. */
    private static final class StallingStore implements LabStore {
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final LabStore delegate;
        private final int stallAt;
        private final AtomicBoolean stalled = new AtomicBoolean();

        StallingStore(LabStore delegate, int stallAt) {
            this.delegate = delegate;
            this.stallAt = stallAt;
        }

        @Override
        public void save(Lab lab) {
            delegate.save(lab);
        }

        @Override
        public Optional<Lab> find(String id) {
            return delegate.find(id);
        }

        @Override
        public List<Lab> all() {
            return delegate.all();
        }

        @Override
        public long begin(String id) {
            return delegate.begin(id);
        }

        @Override
        public long generation(String id) {
            return delegate.generation(id);
        }

        @Override
        public Optional<Lab> update(String id, long generation, UnaryOperator<Lab> change) {
            Optional<Lab> written = delegate.update(id, generation, change);
            if (written.isPresent() && written.get().state() == Lab.State.CREATING && written.get().vms().size() == stallAt
                    && !stalled.getAndSet(true)) {
                reached.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return written;
        }
    }
}
