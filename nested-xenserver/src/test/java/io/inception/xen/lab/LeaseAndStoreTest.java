package io.inception.xen.lab;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeaseAndStoreTest {
    static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void leasesDefaultToEightHoursAndNeverPassSevenDays() {
        assertThat(Lease.starting(T0, null).expiresAt()).isEqualTo(T0.plus(Duration.ofHours(8)));
        assertThat(Lease.starting(T0, Duration.ofDays(7)).expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThatThrownBy(() -> Lease.starting(T0, Duration.ofDays(7).plusSeconds(1))).hasMessageContaining("7 days");
        assertThatThrownBy(() -> Lease.starting(T0, Duration.ZERO)).hasMessageContaining("more than 0");
        Lease l = Lease.starting(T0, Duration.ofDays(6));
        assertThat(l.extendedBy(Duration.ofDays(3)).expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(l.expiredAt(T0.plus(Duration.ofDays(6)))).isTrue();
        assertThat(l.expiredAt(T0.plus(Duration.ofDays(6)).minusMillis(1))).isFalse();
    }

    @Test
    void theStoreKeepsOneJsonFilePerLabAndRoundTrips(@TempDir Path dir) throws Exception {
        JsonFileLabStore store = new JsonFileLabStore(dir.resolve("labs"));
        Lab lab = new Lab("lab-1", "mine", "dev1", "nested-3", "sandbox", Lease.starting(T0, null), Lab.State.READY,
                List.of(new Lab.LabVm("OpaqueRef:1", "lab-1-host-1", "nested-host")), "127.0.0.1:4000", "ready",
                26L << 30, 3, T0);
        store.save(lab);
        store.save(lab.withState(Lab.State.DELETED, "deleted", T0.plusSeconds(5)));
        assertThat(store.find("lab-1")).get().extracting(Lab::state).isEqualTo(Lab.State.DELETED);
        assertThat(store.all()).hasSize(1);
        try (var files = Files.list(dir.resolve("labs"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("lab-1.json");
        }
        assertThat(new JsonFileLabStore(dir.resolve("labs")).find("lab-1").orElseThrow().vms()).isEqualTo(lab.vms());
        assertThat(store.find("../etc/passwd")).isEmpty();
    }

    @Test
    void labsOfJsonFilesAreImportedIntoTheDatabaseOnce(@TempDir Path dir) throws Exception {
        JsonFileLabStore files = new JsonFileLabStore(dir.resolve("labs"));
        Lab lab = new Lab("lab-1", "mine", "dev1", "nested-3", "sandbox", Lease.starting(T0, null), Lab.State.READY,
                List.of(new Lab.LabVm("OpaqueRef:1", "lab-1-host-1", "nested-host")), "127.0.0.1:4000", "ready",
                26L << 30, 3, T0);
        files.save(lab);
        try (io.inception.engine.store.Store db = io.inception.engine.store.Store.open(
                "jdbc:h2:mem:import-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            DbLabStore store = new DbLabStore(db.labs());
            assertThat(files.importInto(store)).containsExactly("lab-1");
            assertThat(store.find("lab-1")).contains(lab);
            assertThat(files.importInto(store)).isEmpty();
            assertThat(store.all()).containsExactly(lab);
        }
        try (var left = Files.list(dir.resolve("labs"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("lab-1.json.imported");
        }
    }
}
