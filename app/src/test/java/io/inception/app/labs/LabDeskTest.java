package io.inception.app.labs;

import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.access.Role;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.Store;
import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.PhysicalPool;
import io.inception.engine.merge.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Labs through the desk on the XenAPI simulator: owners and admins change labs, others are refused. */
class LabDeskTest {
    @TempDir
    Path dir;

    @Test
    void aDeveloperCreatesAndExtendsTheirLabAnotherIsRefusedAnAdminDeletesIt() {
        Actor dana = new Actor("dana", Role.DEVELOPER, "127.0.0.1");
        Actor dave = new Actor("dave", Role.DEVELOPER, "127.0.0.2");
        Actor ada = new Actor("ada", Role.ADMIN, "127.0.0.3");
        try (XenApiSimulator physical = XenApiSimulator.start(); Store store = Store.openDefault(dir.resolve("home"))) {
            Path templates = null;
            for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
                if (java.nio.file.Files.isDirectory(p.resolve("environments/labs"))) templates = p.resolve("environments/labs");
            }
            List<PhysicalPool> pools = List.of(new PhysicalPool("sandbox", physical.url(), physical.username(),
                    new Secret(physical.password())));
            javax.sql.DataSource queue = io.inception.cluster.ClusterDatabase.dataSource(Store.defaultUrl(dir.resolve("home")));
            LabService labs = LabNodes.queued(LabService.standard(templates, new io.inception.xen.lab.DbLabStore(store.labs()),
                    pools, Clock.systemUTC()), queue, Clock.systemUTC());
            LabDesk desk = new LabDesk(labs, new AuditTrail(store.audit(), Clock.systemUTC()));

            LabDesk.Outcome created = desk.create(dana, "nested-3", "mine", Duration.ofHours(2));
            assertThat(created).isInstanceOf(LabDesk.Outcome.Done.class);
            Lab lab = ((LabDesk.Outcome.Done) created).lab();
            assertThat(lab.owner()).isEqualTo("dana");
            assertThat(lab.state()).as("accepted, its build queued").isEqualTo(Lab.State.CREATING);
            assertThat(created.message()).contains("is being built on pool sandbox");
            assertThat(new io.inception.cluster.WorkQueue(queue, Clock.systemUTC()).items())
                    .extracting(c -> c.kind() + " " + c.id()).containsExactly("lab-build " + lab.id());

            io.inception.cluster.ClusterNode node = LabNodes.localNode(queue, labs, pools, "test", Clock.systemUTC());
            assertThat(LabStates.await(labs, lab.id(), Lab.State.READY).vms()).hasSize(4);

            LabDesk.Outcome stolen = desk.delete(dave, lab.id());
            assertThat(stolen).isInstanceOf(LabDesk.Outcome.Denied.class);
            assertThat(stolen.message()).contains("belongs to dana");
            assertThat(desk.extend(dana, lab.id(), Duration.ofHours(1))).isInstanceOf(LabDesk.Outcome.Done.class);
            assertThat(desk.delete(ada, lab.id()).message()).isEqualTo("lab " + lab.id() + " is DELETING");
            LabStates.await(labs, lab.id(), Lab.State.DELETED);
            node.close();
            try (var session = io.inception.xen.api.XenApi.connect(physical.url()).login(physical.username(),
                    physical.password())) {
                assertThat(session.vms().taggedWith("inception-lab", "*")).isEmpty();
            }

            assertThat(store.audit().list(10)).extracting(e -> e.actor() + " " + e.action() + " " + e.outcome())
                    .containsExactly("ada lab.delete ALLOWED", "dana lab.extend ALLOWED", "dave lab.delete DENIED",
                            "dana lab.create ALLOWED");
            assertThat(store.audit().list(10)).extracting(AuditEntry::target).contains(lab.id());
        }
    }
}
