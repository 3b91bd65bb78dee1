package io.inception.app.labs;

import io.inception.cluster.Claim;
import io.inception.cluster.ClusterConfig;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.ClusterWork;
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
        Path templates = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && templates == null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("environments/labs"))) templates = p.resolve("environments/labs");
        }
        return LabService.standard(templates, labStore, pools, clock);
    }

    /** A node whose lab works record what they came to, as {@code <node> <kind> <lab>: <message>}. */
    private ClusterNode node(String id, String zones, Duration heartbeat, int threads, LabService labs) {
        List<ClusterWork> works = new ArrayList<>();
        for (ClusterWork w : LabWorks.works(labs)) {
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
        stalling.release.countDown();
        LabStates.awaitTrue(() -> executions.size() == 2, "node-a's build returned", executions::toString);
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
