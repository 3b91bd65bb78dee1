package io.inception.xen.lab;

import io.inception.engine.merge.Secret;
import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.testing.ManualClock;
import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Labs end to end against the simulated physical pool: leases, quotas, placement, cleanup, reaper. */
class LabServiceTest {
    static final LabTemplate NESTED_3 = new LabTemplate("nested-3", "", new LabTemplate.NestedHosts(3, 4, 8L << 30, 64L << 30),
            true, List.of(new LabTemplate.ControlVm("control", "Debian Bookworm 12", 2, 2L << 30)), "lab", List.of("sandbox"));
    static final LabTemplate HUGE = new LabTemplate("huge", "", new LabTemplate.NestedHosts(2, 4, 100L << 30, 64L << 30),
            false, List.of(), "lab", List.of("sandbox"));

    @TempDir
    Path home;
    XenApiSimulator sim;
    ManualClock clock = new ManualClock(Instant.parse("2026-11-27T08:00:00Z"));
    AtomicInteger ids = new AtomicInteger();
    LabStore store;
    io.inception.engine.store.Store db;

    @BeforeEach
    void start() {
        sim = XenApiSimulator.start();
        db = io.inception.engine.store.Store.open("jdbc:h2:mem:labs-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        store = new DbLabStore(db.labs());
    }

    @AfterEach
    void stop() {
        sim.close();
        db.close();
    }

    LabService service(Quota quota) {
        return new LabService(Map.of("nested-3", NESTED_3, "huge", HUGE),
                List.of(new PhysicalPool("sandbox", sim.url(), sim.username(), new Secret(sim.password()))),
                store, clock, () -> "lab-" + ids.incrementAndGet(), quota);
    }

    XenSession physical() {
        return XenApi.connect(sim.url()).login(sim.username(), sim.password());
    }

    @Test
    void aLabIsCreatedJoinedListedExtendedAndDeletedIdempotently() {
        LabService labs = service(Quota.defaults());
        LabOutcome out = labs.create(new LabRequest("dev1", "nested-3", "my lab", null));
        assertThat(out).isInstanceOf(LabOutcome.Created.class);
        Lab lab = ((LabOutcome.Created) out).lab();
        assertThat(lab.state()).isEqualTo(Lab.State.READY);
        assertThat(lab.owner()).isEqualTo("dev1");
        assertThat(lab.vms()).hasSize(4);
        assertThat(lab.lease().expiresAt()).isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
        try (XenSession master = XenApi.connect("http://" + lab.masterAddress() + "/")
                .login(sim.username(), sim.password())) {
            assertThat(master.hosts().all()).hasSize(3);
        }
        try (XenSession s = physical()) {
            assertThat(s.call("network.get_by_name_label", lab.id() + "-lab")).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.ARRAY).hasSize(1);
            assertThat(s.call("VM.get_VIFs", lab.vms().get(0).ref())).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.ARRAY).hasSize(1);
        }
        assertThat(labs.list(Optional.of("dev1"))).extracting(Lab::id).containsExactly(lab.id());
        assertThat(labs.show(lab.id())).get().extracting(Lab::name).isEqualTo("my lab");

        Lab extended = labs.extend(lab.id(), Duration.ofHours(4));
        assertThat(extended.lease().expiresAt()).isEqualTo(Instant.parse("2026-11-27T20:00:00Z"));
        assertThat(labs.extend(lab.id(), Duration.ofDays(30)).lease().expiresAt())
                .isEqualTo(Instant.parse("2026-12-04T08:00:00Z"));
        assertThatThrownBy(() -> labs.extend(lab.id(), Duration.ofHours(1))).hasMessageContaining("7-day maximum");

        assertThat(labs.delete(lab.id()).state()).isEqualTo(Lab.State.DELETED);
        assertThat(labs.delete(lab.id()).state()).isEqualTo(Lab.State.DELETED);
        try (XenSession s = physical()) {
            assertThat(s.vms().taggedWith("inception-lab", "*")).isEmpty();
            assertThat(s.call("network.get_by_name_label", lab.id() + "-lab")).asInstanceOf(
                    org.assertj.core.api.InstanceOfAssertFactories.ARRAY).isEmpty();
        }
        assertThat(sim.nestedHostAddresses()).isEmpty();
    }

    @Test
    void aUserOverQuotaIsToldWhatIsInUse() {
        LabService labs = service(new Quota(1, 64L << 30, 9));
        assertThat(labs.create(new LabRequest("dev1", "nested-3", null, null))).isInstanceOf(LabOutcome.Created.class);
        LabOutcome second = labs.create(new LabRequest("dev1", "nested-3", null, null));
        assertThat(second).isInstanceOf(LabOutcome.Refused.class);
        assertThat(((LabOutcome.Refused) second).reason())
                .contains("quota of dev1", "in use 1 of 1 labs", "26.0 GiB of 64.0 GiB RAM", "3 of 9 hosts", "lab-1");
        assertThat(labs.create(new LabRequest("dev2", "nested-3", null, null))).isInstanceOf(LabOutcome.Created.class);
    }

    @Test
    void aLabThatFitsNoPoolIsRefusedBeforeAnythingIsMade() {
        LabOutcome out = service(new Quota(3, 1L << 40, 9)).create(new LabRequest("dev1", "huge", null, null));
        assertThat(((LabOutcome.Refused) out).reason()).contains("no physical pool has room", "sandbox has 192.0 GiB free");
        assertThat(store.all()).isEmpty();
    }

    @Test
    void labsGoToThePoolWithTheMostFreeMemory() {
        XenApiSimulator.PoolSpec smallSpec = XenApiSimulator.PoolSpec.defaults()
                .withHosts(List.of(new XenApiSimulator.HostSpec("small-1", 100L << 30, 16)));
        try (XenApiSimulator small = XenApiSimulator.start(smallSpec)) {
            LabTemplate both = new LabTemplate("both", "", new LabTemplate.NestedHosts(1, 2, 60L << 30, 32L << 30),
                    false, List.of(), "lab", List.of("small", "sandbox"));
            LabService labs = new LabService(Map.of("both", both), List.of(
                    new PhysicalPool("small", small.url(), small.username(), new Secret(small.password())),
                    new PhysicalPool("sandbox", sim.url(), sim.username(), new Secret(sim.password()))),
                    store, clock, () -> "lab-" + ids.incrementAndGet(), new Quota(10, 1L << 40, 10));
            List<String> pools = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pools.add(((LabOutcome.Created) labs.create(new LabRequest("dev1", "both", null, null))).lab().pool());
            }
            // sandbox (3 x 64 GiB) has 192, then 132 GiB free, more than small's 100; then 72, less
            assertThat(pools).containsExactly("sandbox", "sandbox", "small");
            labs.list(Optional.empty()).forEach(l -> labs.delete(l.id()));
        }
    }

    @Test
    void aLeaseLongerThanSevenDaysIsRefused() {
        LabOutcome out = service(Quota.defaults()).create(new LabRequest("dev1", "nested-3", null, Duration.ofDays(8)));
        assertThat(((LabOutcome.Refused) out).reason()).contains("at most 7 days");
    }

    @Test
    void aStartThatFailsHalfwayCleansUpWhatWasMade() {
        sim.faults().failStartOf("lab-1-host-2", "BOOTLOADER_FAILED");
        LabOutcome out = service(Quota.defaults()).create(new LabRequest("dev1", "nested-3", null, null));
        assertThat(out).isInstanceOf(LabOutcome.Failed.class);
        Lab failed = ((LabOutcome.Failed) out).lab();
        assertThat(failed.state()).isEqualTo(Lab.State.FAILED);
        assertThat(failed.message()).contains("BOOTLOADER_FAILED", "cleaned up");
        try (XenSession s = physical()) {
            assertThat(s.vms().taggedWith("inception-lab", "*")).isEmpty();
        }
        assertThat(sim.nestedHostAddresses()).isEmpty();
    }

    @Test
    void aSessionExpiringMidCreationDoesNotBreakTheLab() {
        sim.faults().expireSessionsAfter(15);
        LabOutcome out = service(Quota.defaults()).create(new LabRequest("dev1", "nested-3", null, null));
        assertThat(out).isInstanceOf(LabOutcome.Created.class);
    }

    @Test
    void theReaperRemovesExpiredLabsAndLeakedTaggedVms() {
        LabService labs = service(Quota.defaults());
        Lab shortLived = ((LabOutcome.Created) labs.create(new LabRequest("dev1", "nested-3", null, Duration.ofHours(1)))).lab();
        Lab longLived = ((LabOutcome.Created) labs.create(new LabRequest("dev2", "nested-3", null, Duration.ofHours(8)))).lab();
        try (XenSession s = physical()) {
            String leak = s.vms().install(s.vms().template("Other install media"), "leaked-vm");
            s.vms().putOtherConfig(leak, "inception-lab", "lab-that-died");
        }
        clock.advance(Duration.ofHours(2));
        ReapReport report = labs.reap();
        assertThat(report.expiredLabs()).containsExactly(shortLived.id());
        assertThat(report.leakedVms()).containsExactly("sandbox/leaked-vm");
        assertThat(labs.show(shortLived.id()).orElseThrow().state()).isEqualTo(Lab.State.DELETED);
        assertThat(labs.show(longLived.id()).orElseThrow().state()).isEqualTo(Lab.State.READY);
        try (XenSession s = physical()) {
            assertThat(s.vms().taggedWith("inception-lab", "*")).extracting(v -> v.otherConfig().get("inception-lab"))
                    .containsOnly(longLived.id());
        }
    }

    List<String> taggedVms(String labId) {
        try (XenSession s = physical()) {
            return s.vms().taggedWith("inception-lab", labId).stream().map(v -> v.nameLabel()).sorted().toList();
        }
    }

    @Test
    void anAcceptedLabIsRecordedCreatingAndMadeOnlyByItsBuild() {
        LabService labs = service(Quota.defaults());
        Lab accepted = ((LabOutcome.Accepted) labs.accept(new LabRequest("dev1", "nested-3", null, null))).lab();
        assertThat(labs.show(accepted.id()).orElseThrow().state()).isEqualTo(Lab.State.CREATING);
        assertThat(taggedVms(accepted.id())).isEmpty();

        Lab ready = ((LabOutcome.Created) labs.build(accepted.id(), () -> false)).lab();
        assertThat(ready.state()).isEqualTo(Lab.State.READY);
        assertThat(labs.build(accepted.id(), () -> false)).as("building a ready lab again makes nothing")
                .isEqualTo(new LabOutcome.Created(ready));
        assertThat(taggedVms(accepted.id())).hasSize(4);
    }

    @Test
    void aBuildStoppedHalfwayIsRebuiltFromScratchWithExactlyTheTemplatesVms() {
        LabService labs = service(Quota.defaults());
        String id = ((LabOutcome.Accepted) labs.accept(new LabRequest("dev1", "nested-3", null, null))).lab().id();
        AtomicInteger asked = new AtomicInteger();
        LabOutcome stopped = labs.build(id, () -> asked.incrementAndGet() > 2);
        assertThat(stopped).isInstanceOf(LabOutcome.Interrupted.class);
        assertThat(((LabOutcome.Interrupted) stopped).reason()).contains("stopping", "2 of 4 VMs made");
        assertThat(labs.show(id).orElseThrow().vms()).hasSize(2);
        assertThat(labs.show(id).orElseThrow().message()).startsWith("handed over (this node is stopping");
        assertThat(taggedVms(id)).hasSize(2);

        Lab ready = ((LabOutcome.Created) labs.build(id, () -> false)).lab();
        assertThat(ready.vms()).extracting(Lab.LabVm::name)
                .containsExactly(id + "-host-1", id + "-host-2", id + "-host-3", id + "-control");
        assertThat(taggedVms(id)).containsExactly(id + "-control", id + "-host-1", id + "-host-2", id + "-host-3");
        try (XenSession master = XenApi.connect("http://" + ready.masterAddress() + "/").login(sim.username(), sim.password())) {
            assertThat(master.hosts().all()).hasSize(3);
        }
    }

    @Test
    void aBuilderOvertakenByALaterOperationRemovesWhatItMadeAndWritesNothing() {
        LabService labs = service(Quota.defaults());
        String id = ((LabOutcome.Accepted) labs.accept(new LabRequest("dev1", "nested-3", null, null))).lab().id();
        AtomicInteger asked = new AtomicInteger();
        // while the first builder makes its third VM, a delete begins (another node, a user)
        LabOutcome overtaken = labs.build(id, () -> {
            if (asked.incrementAndGet() == 3) labs.markDeleting(id);
            return false;
        });
        assertThat(overtaken).isInstanceOf(LabOutcome.Interrupted.class);
        assertThat(((LabOutcome.Interrupted) overtaken).lab().state()).isEqualTo(Lab.State.DELETING);
        assertThat(taggedVms(id)).as("the overtaken builder removed its own VMs").isEmpty();
        assertThat(labs.finishDelete(id).state()).isEqualTo(Lab.State.DELETED);
    }

    @Test
    void theReaperRemovesVmsOfASupersededBuildOfAReadyLab() {
        LabService labs = service(Quota.defaults());
        Lab lab = ((LabOutcome.Created) labs.create(new LabRequest("dev1", "nested-3", null, null))).lab();
        try (XenSession s = physical()) {
            // what a stalled builder of an earlier generation made after the lab was rebuilt
            String stale = s.vms().install(s.vms().template("Other install media"), lab.id() + "-host-1");
            s.vms().putOtherConfig(stale, "inception-lab", lab.id());
            s.vms().putOtherConfig(stale, "inception-lab-generation", "0");
        }
        assertThat(taggedVms(lab.id())).hasSize(5);
        assertThat(labs.reap().leakedVms()).containsExactly("sandbox/" + lab.id() + "-host-1");
        assertThat(taggedVms(lab.id())).hasSize(4);
        assertThat(labs.show(lab.id()).orElseThrow().state()).isEqualTo(Lab.State.READY);
    }

    @Test
    void theReaperQueuesAgainOnlyTheMissingWorkOfLabsPendingLongerThanTheGrace() {
        // a queue that, like the cluster's, holds one item per operation and lab
        java.util.Set<String> queued = new java.util.LinkedHashSet<>();
        LabService labs = service(Quota.defaults()).withQueue(new LabQueue() {
            @Override
            public boolean build(Lab lab) {
                return queued.add(lab.id() + " build");
            }

            @Override
            public boolean delete(Lab lab) {
                return queued.add(lab.id() + " delete");
            }
        });
        // recorded, then its process died before queuing the build
        Lab orphan = ((LabOutcome.Accepted) labs.accept(new LabRequest("dev1", "nested-3", null, null))).lab();
        // recorded and queued as usual
        Lab queuedLab = ((LabOutcome.Accepted) labs.request(new LabRequest("dev2", "nested-3", null, null))).lab();
        assertThat(labs.reap().requeued()).as("within the grace nothing is queued again").isEmpty();

        clock.advance(LabService.REQUEUE_AFTER.plusSeconds(1));
        ReapReport first = labs.reap();
        assertThat(first.requeued()).containsExactly(orphan.id() + " build");
        assertThat(queued).containsExactly(queuedLab.id() + " build", orphan.id() + " build");
        assertThat(labs.reap().requeued()).as("queued once").isEmpty();

        // a delete recorded whose work went missing the same way
        Lab ready = ((LabOutcome.Created) labs.build(queuedLab.id(), () -> false)).lab();
        labs.markDeleting(ready.id());
        clock.advance(LabService.REQUEUE_AFTER.plusSeconds(1));
        assertThat(labs.reap().requeued()).containsExactly(ready.id() + " delete");
        assertThat(labs.show(ready.id()).orElseThrow().state()).isEqualTo(Lab.State.DELETING);
    }

    @Test
    void aPendingLabGivenUpIsFailedWithTheReasonAndAReadyOneIsLeftAsItIs() {
        LabService labs = service(Quota.defaults());
        Lab accepted = ((LabOutcome.Accepted) labs.accept(new LabRequest("dev1", "nested-3", null, null))).lab();
        Lab failed = labs.giveUp(accepted.id(), "pool sandbox is configured on no node");
        assertThat(failed.state()).isEqualTo(Lab.State.FAILED);
        assertThat(failed.message()).isEqualTo("pool sandbox is configured on no node");
        assertThat(labs.build(accepted.id(), () -> false)).as("a failed lab is not built")
                .isInstanceOf(LabOutcome.Interrupted.class);

        Lab ready = ((LabOutcome.Created) labs.create(new LabRequest("dev1", "nested-3", null, null))).lab();
        assertThat(labs.giveUp(ready.id(), "no")).isEqualTo(ready);
    }
}
