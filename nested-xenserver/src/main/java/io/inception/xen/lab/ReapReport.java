package io.inception.xen.lab;

import java.util.List;

/**
 * What one reaper pass did: expired labs it deleted (ids), leaked VMs (pool/name) it removed that
 * belonged to no live lab, and labs whose queued work was missing and is queued again
 * ({@code <lab id> <build|delete>}: the process that recorded them died before queuing it).
 */
public record ReapReport(List<String> expiredLabs, List<String> leakedVms, List<String> requeued) {
    public ReapReport {
        expiredLabs = List.copyOf(expiredLabs);
        leakedVms = List.copyOf(leakedVms);
        requeued = List.copyOf(requeued);
    }
}
