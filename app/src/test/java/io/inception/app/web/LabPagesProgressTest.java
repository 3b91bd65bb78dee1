package io.inception.app.web;

import io.inception.xen.lab.Lab;
import io.inception.xen.lab.Lease;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The labs page shows the progress of a lab being built (by whichever node) and not that of a ready lab. */
class LabPagesProgressTest {
    private static final Instant T0 = Instant.parse("2026-11-27T08:00:00Z");

    private static Lab lab(String id, Lab.State state, String message) {
        return new Lab(id, id, "dev1", "nested-3", "sandbox", Lease.starting(T0, null), state, List.of(), "", message,
                26L << 30, 3, T0);
    }

    @Test
    void aLabBeingBuiltShowsItsProgress() {
        String html = LabPages.body(List.of(lab("lab-1", Lab.State.CREATING, "building: 2 of 4 VMs made"),
                lab("lab-2", Lab.State.READY, "ready")), List.of("nested-3"), null, false, "csrf");
        assertThat(html).contains("<td class=state>CREATING <small class=progress>building: 2 of 4 VMs made</small>",
                "<td class=state>READY<td>");
    }
}
