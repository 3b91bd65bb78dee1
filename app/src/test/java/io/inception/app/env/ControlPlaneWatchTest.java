package io.inception.app.env;

import io.inception.app.access.AuditTrail;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.Store;
import io.inception.inova.watch.ControlPlaneWatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's watcher ticks write every repair to the audit log. */
class ControlPlaneWatchTest {
    @TempDir
    Path home;

    @Test
    void aRepairIsAuditedAndAFailingTickIsOnlyPrinted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        try (Store store = Store.openDefault(home)) {
            AuditTrail audit = new AuditTrail(store.audit(), Clock.systemUTC());

            List<ControlPlaneWatcher.Repair> repairs = ControlPlaneWatch.tickOnce(() -> List.of(
                    new ControlPlaneWatcher.Repair("qe", "qe-api-nova-api-1", "in ERROR (No valid host)")), audit, out);
            ControlPlaneWatch.tickOnce(() -> {
                throw new IllegalStateException("cannot open /srv/config: not a git repository");
            }, audit, out);

            assertThat(repairs).hasSize(1);
            AuditEntry e = store.audit().list(5).get(0);
            assertThat(List.of(e.actor(), e.source(), e.action(), e.target(), e.outcome(), e.detail())).containsExactly(
                    "watcher", "inception-server", "control-plane.repair", "qe/qe-api-nova-api-1", "ALLOWED",
                    "qe-api-nova-api-1 was in ERROR (No valid host); deleted it and launched a replacement");
            assertThat(store.audit().list(5)).hasSize(1);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains(
                "control-plane watcher: qe: replaced qe-api-nova-api-1 (in ERROR (No valid host))",
                "control-plane watcher: cannot open /srv/config: not a git repository");
    }
}
