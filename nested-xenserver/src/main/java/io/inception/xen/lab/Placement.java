package io.inception.xen.lab;

import io.inception.xen.api.Hosts;
import io.inception.xen.api.XenSession;

import java.util.List;
import java.util.Optional;

/** Chooses the physical pool with the most free memory that fits a whole lab. */
final class Placement {
    /** Free memory of one pool: the sum over its hosts, and the largest single host. */
    record PoolRoom(PhysicalPool pool, long freeBytes, long largestHostBytes) {
    }

    private Placement() {
    }

    static PoolRoom roomOf(PhysicalPool pool, XenSession s) {
        List<Hosts.HostInfo> hosts = s.hosts().all();
        return new PoolRoom(pool, hosts.stream().mapToLong(Hosts.HostInfo::freeMemory).sum(),
                hosts.stream().mapToLong(Hosts.HostInfo::freeMemory).max().orElse(0));
    }

    static Optional<PoolRoom> choose(List<PoolRoom> rooms, LabTemplate t) {
        long biggestVm = Math.max(t.hosts().memoryBytes(),
                t.controlPlane().stream().mapToLong(LabTemplate.ControlVm::memoryBytes).max().orElse(0));
        return rooms.stream().filter(r -> r.freeBytes() >= t.memoryBytes() && r.largestHostBytes() >= biggestVm)
                .max(java.util.Comparator.comparingLong(PoolRoom::freeBytes));
    }

    static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
}
