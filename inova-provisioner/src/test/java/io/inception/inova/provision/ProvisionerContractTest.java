package io.inception.inova.provision;

import io.inception.engine.fleet.HostTarget;
import io.inception.engine.store.EnvironmentResource;
import io.inception.engine.store.Store;
import io.inception.engine.wait.Pause;
import io.inception.inova.cleanup.LeakCleanup;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.ComputeService;
import io.inception.inova.drain.NovaDrain;
import io.inception.inova.environment.ControlPlaneOperations;
import io.inception.inova.environment.ControlPlaneRecords;
import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.InovaEndpoint;
import io.inception.inova.spec.RoleSpec;
import io.inception.testing.ManualClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the provisioner does against a cloud, stated once: run against the in-memory fake, the
 * sandbox iNova and a real Nova (Zed). Every test uses its own environment name, so a shared
 * cloud is fine.
 */
public abstract class ProvisionerContractTest {
    private static final AtomicInteger ENVS = new AtomicInteger();

    private final Clock clock;
    private final Pause pause;

    /** Against a cloud whose time is {@code clock}; {@code pause} passes the time between two looks. */
    protected ProvisionerContractTest(Clock clock, Pause pause) {
        this.clock = clock;
        this.pause = pause;
    }

    /** Against a simulated cloud on a hand-moved clock: each look moves it on, so boots and timeouts take no real time. */
    protected ProvisionerContractTest(ManualClock clock) {
        this(clock, clock::advance);
    }

    /** The cloud under test (connected once per class is fine). */
    protected abstract Cloud cloud();

    protected final Clock clock() {
        return clock;
    }

    /** A flavor the cloud has (default: the in-memory cloud's and the sandbox iNova's). */
    protected String flavor() {
        return "m1.small";
    }

    /** An image the cloud has (default: the in-memory cloud's and the sandbox iNova's). */
    protected String image() {
        return "debian-12";
    }

    /** The next {@code n} boots of servers whose names start with {@code prefix} end in ERROR. */
    protected abstract void failNextBoots(String prefix, int n);

    /** The next {@code n} boots of servers whose names start with {@code prefix} stay in BUILD. */
    protected abstract void hangBoots(String prefix, int n);

    /** At most {@code max} instances in the project (-1: no limit). */
    protected abstract void limitInstances(int max);

    /** Puts a running server into ERROR (as a dead hypervisor would). */
    protected abstract void breakServer(String id);

    /** Undoes what the fault hooks did (after each test). */
    protected void resetFaults() {
    }

    /** How long a hung boot must wait before it counts as timed out. */
    protected Duration bootTimeout() {
        return Duration.ofSeconds(3);
    }

    protected final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private Store store;
    private ControlPlaneRecords records;
    private String env;

    @BeforeEach
    void openStore() {
        store = Store.open("jdbc:h2:mem:inova-contract-" + ENVS.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
        records = new ControlPlaneRecords(store.environmentResources());
        env = "ct" + ProcessHandle.current().pid() % 1000 + "x" + ENVS.incrementAndGet();
    }

    @AfterEach
    void cleanUp() {
        resetFaults();
        limitInstances(-1);
        for (CloudServer s : cloud().servers(env + "-")) cloud().delete(s.id());
        store.close();
    }

    private RoleSpec role(String name, int count, String group) {
        return new RoleSpec(name, flavor(), image(), count, Optional.ofNullable(group), Optional.empty(),
                RoleSpec.DEFAULT_BOOT_TIMEOUT, 3);
    }

    private ControlPlane plane(List<RoleSpec> api, List<RoleSpec> cell, List<String> cells) {
        ControlPlaneSpec spec = new ControlPlaneSpec(InovaEndpoint.sandboxEndpoint(), api, cell, Map.of(),
                Optional.empty(), true);
        return new ControlPlane(env, spec, cells, Map.of());
    }

    private ControlPlane twoCells() {
        return plane(List.of(role("nova-api", 2, "nova-api"), role("keystone", 1, null)),
                List.of(role("scheduler", 1, null)), List.of("c1", "c2"));
    }

    private ControlPlaneOperations ops(RoleConfigurer configurer, HealthCheck health) {
        return new ControlPlaneOperations(cloud(), records, clock, pause, log::add, configurer, health);
    }

    private ControlPlaneOperations ops() {
        return ops(RoleConfigurer.NONE, HealthCheck.STANDARD);
    }

    private Set<String> ids() {
        return cloud().servers(env + "-").stream().filter(s -> !s.goingAway()).map(CloudServer::id).collect(Collectors.toSet());
    }

    @Test
    void provisioningTwiceMakesTheControlPlaneOnceAndStoresItsAddresses() throws Exception {
        Step first = ops().provision(twoCells(), "b1", Duration.ofMinutes(5));

        assertThat(first).isInstanceOf(Step.Done.class);
        assertThat(((Step.Done) first).servers()).extracting(ProvisionedServer::name).containsExactlyInAnyOrder(
                env + "-api-nova-api-1", env + "-api-nova-api-2", env + "-api-keystone-1",
                env + "-c1-scheduler-1", env + "-c2-scheduler-1");
        CloudServer api1 = cloud().servers(env + "-api-nova-api-1").get(0);
        assertThat(api1.metadata()).containsEntry(Tags.ENV, env).containsEntry(Tags.ROLE, "nova-api")
                .containsEntry(Tags.CELL, "api").containsEntry(Tags.BUILD, "b1");
        assertThat(records.servers(env)).extracting(EnvironmentResource::name).hasSize(5);
        Set<String> before = ids();

        Step second = ops().provision(twoCells(), "b2", Duration.ofMinutes(5));

        assertThat(second).isInstanceOf(Step.Done.class);
        assertThat(((Step.Done) second).created()).isZero();
        assertThat(((Step.Done) second).deleted()).isZero();
        assertThat(ids()).isEqualTo(before);
    }

    @Test
    void aServerInErrorIsDeletedAndReplaced() throws Exception {
        ControlPlane plane = twoCells();
        ops().provision(plane, "b1", Duration.ofMinutes(5));
        CloudServer broken = cloud().servers(env + "-api-keystone-").get(0);
        breakServer(broken.id());

        Step again = ops().provision(plane, "b1", Duration.ofMinutes(5));

        assertThat(again).isInstanceOf(Step.Done.class);
        assertThat(((Step.Done) again).created()).isEqualTo(1);
        assertThat(((Step.Done) again).deleted()).isEqualTo(1);
        List<CloudServer> keystone = cloud().servers(env + "-api-keystone-").stream().filter(s -> !s.goingAway()).toList();
        assertThat(keystone).hasSize(1);
        assertThat(keystone.get(0).id()).isNotEqualTo(broken.id());
        assertThat(log).anyMatch(l -> l.contains(broken.name()) && l.contains("ERROR"));
    }

    @Test
    void aBootThatFailsIsRetried() throws Exception {
        failNextBoots(env + "-", 1);

        Step step = ops().provision(plane(List.of(role("keystone", 1, null)), List.of(), List.of()), "b1", Duration.ofMinutes(5));

        assertThat(step).isInstanceOf(Step.Done.class);
        assertThat(((Step.Done) step).deleted()).isEqualTo(1);
        assertThat(log).anyMatch(l -> l.contains("failed launch 1 of at most 4")).noneMatch(l -> l.contains("failed launch 2"));
    }

    @Test
    void aBootThatTimesOutIsRetriedThenTheRoleFails() throws Exception {
        hangBoots(env + "-", 2);
        RoleSpec slow = new RoleSpec("api-db", flavor(), image(), 1, Optional.empty(), Optional.empty(), bootTimeout(), 1);

        Step step = ops().provision(plane(List.of(slow), List.of(), List.of()), "b1", Duration.ofMinutes(5));

        assertThat(step).isInstanceOf(Step.Failed.class);
        assertThat(((Step.Failed) step).reason()).contains("api/api-db: 2 launches failed (launch-retries 1)")
                .contains("still BUILD after the boot timeout");
        assertThat(ids()).isEmpty();
    }

    @Test
    void quotaExceededFailsClearlyAndLeavesNothingHalfMade() throws Exception {
        int used = (int) cloud().servers("").stream().filter(s -> !s.goingAway()).count();
        limitInstances(used + 2);

        Step step = ops().provision(twoCells(), "b1", Duration.ofMinutes(5));

        assertThat(step).isInstanceOf(Step.Failed.class);
        assertThat(((Step.Failed) step).quota()).isTrue();
        assertThat(((Step.Failed) step).reason()).containsIgnoringCase("quota");
        assertThat(ids()).isEmpty();
    }

    @Test
    void blueGreenReplaceBringsUpConfiguresAndChecksTheNewServersThenDeletesTheOld() throws Exception {
        ControlPlane plane = twoCells();
        ops().provision(plane, "b1", Duration.ofMinutes(5));
        Set<String> oldApi = cloud().servers(env + "-api-nova-api-").stream().map(CloudServer::id).collect(Collectors.toSet());
        List<String> configured = new ArrayList<>();
        RoleConfigurer puppet = (e, slot, servers) -> {
            servers.forEach(s -> configured.add(s.name()));
            return RoleConfigurer.Outcome.configured();
        };

        Step step = ops(puppet, HealthCheck.STANDARD).replace(plane, "nova-api", null, "b2", Duration.ofMinutes(5));

        assertThat(step).isInstanceOf(Step.Done.class);
        List<CloudServer> api = cloud().servers(env + "-api-nova-api-").stream().filter(s -> !s.goingAway()).toList();
        assertThat(api).hasSize(2).allMatch(s -> s.meta(Tags.BUILD).orElse("").equals("b2"))
                .noneMatch(s -> oldApi.contains(s.id()));
        assertThat(configured).containsExactlyInAnyOrderElementsOf(api.stream().map(CloudServer::name).toList());
        assertThat(records.servers(env)).filteredOn(r -> r.role().equals("nova-api"))
                .allMatch(r -> r.attributes().get("build").equals("b2"));
    }

    @Test
    void aFailedReplaceKeepsTheOldServersAndRemovesTheNew() throws Exception {
        ControlPlane plane = twoCells();
        ops().provision(plane, "b1", Duration.ofMinutes(5));
        Set<String> before = ids();

        Step step = ops(RoleConfigurer.NONE, (slot, s) -> Optional.of("nova-api does not answer"))
                .replace(plane, "nova-api", null, "b2", Duration.ofMinutes(5));

        assertThat(step).isInstanceOf(Step.Failed.class);
        assertThat(((Step.Failed) step).reason()).contains("health check").contains("nova-api does not answer")
                .contains("the old ones stay");
        assertThat(ids()).isEqualTo(before);
    }

    @Test
    void leakedServersAreReportedAndDeletedAfterTheGracePeriod() throws Exception {
        ops().provision(plane(List.of(role("keystone", 1, null)), List.of(), List.of()), "b1", Duration.ofMinutes(5));
        LeakCleanup cleanup = new LeakCleanup(cloud(), clock());

        List<LeakCleanup.Leak> young = cleanup.run(List.of(), Duration.ofDays(1), false);
        List<LeakCleanup.Leak> dry = cleanup.run(List.of(), Duration.ZERO, true);

        assertThat(young).filteredOn(l -> l.environment().equals(env)).singleElement()
                .extracting(LeakCleanup.Leak::action).isEqualTo(LeakCleanup.Action.IN_GRACE);
        assertThat(dry).filteredOn(l -> l.environment().equals(env)).singleElement()
                .satisfies(l -> assertThat(l.why()).contains("no environment '" + env + "'"))
                .extracting(LeakCleanup.Leak::action).isEqualTo(LeakCleanup.Action.WOULD_DELETE);
        assertThat(ids()).hasSize(1);

        ControlPlane other = plane(List.of(role("keystone", 1, null)), List.of(), List.of());
        List<LeakCleanup.Leak> claimed = cleanup.run(List.of(other), Duration.ZERO, true);
        assertThat(claimed).noneMatch(l -> l.environment().equals(env));

        List<LeakCleanup.Leak> deleted = cleanup.run(List.of(), Duration.ZERO, false);
        assertThat(deleted).filteredOn(l -> l.environment().equals(env)).singleElement()
                .extracting(LeakCleanup.Leak::action).isEqualTo(LeakCleanup.Action.DELETED);
        assertThat(ids()).isEmpty();
    }

    @Test
    void drainDisablesTheComputeServiceWithTheRolloutAsReasonAndUndrainEnablesIt() {
        ComputeService service = cloud().computeServices().get(0);
        HostTarget host = new HostTarget(service.host(), "c1", "127.0.0.1", 22);
        NovaDrain drain = new NovaDrain(cloud(), "inception rollout");
        try {
            assertThat(drain.drain(host, "inception rollout ro-42").ok()).isTrue();
            assertThat(drain.drain(host, "inception rollout ro-42").ok()).isTrue();
            ComputeService drained = find(service.id());
            assertThat(drained.enabled()).isFalse();
            assertThat(drained.disabledReason()).isEqualTo("inception rollout ro-42");

            assertThat(drain.undrain(host).ok()).isTrue();
            assertThat(find(service.id()).enabled()).isTrue();
        } finally {
            drain.undrain(host);
        }
        assertThat(drain.drain(new HostTarget("no-such-host", "c1", "127.0.0.1", 22)).detail())
                .contains("no nova-compute service on host 'no-such-host'");
    }

    private ComputeService find(String id) {
        return cloud().computeServices().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
