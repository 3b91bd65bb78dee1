package io.inception.xen.lab;

import java.util.List;

/** What one reaper pass removed: expired labs (ids) and leaked VMs (pool/name) that belonged to no live lab. */
public record ReapReport(List<String> expiredLabs, List<String> leakedVms) {
}
