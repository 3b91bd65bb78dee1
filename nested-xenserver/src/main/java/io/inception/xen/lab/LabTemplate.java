package io.inception.xen.lab;

import java.util.List;

/**
 * A lab template ({@code environments/labs/*.yaml}): nested XenServer hosts, whether they form a pool,
 * control-plane VMs, the network, and the physical pools the lab may be placed on.
 */
public record LabTemplate(String name, String description, NestedHosts hosts, boolean poolJoin,
                          List<ControlVm> controlPlane, String network, List<String> pools) {
    public LabTemplate {
        controlPlane = List.copyOf(controlPlane);
        pools = List.copyOf(pools);
    }

    /** {@code count} nested hosts, each a VM of {@code vcpus} vCPUs, {@code memoryBytes} RAM and {@code diskBytes} disk. */
    public record NestedHosts(int count, int vcpus, long memoryBytes, long diskBytes) {
    }

    /** A control-plane VM made from {@code template}. */
    public record ControlVm(String name, String template, int vcpus, long memoryBytes) {
    }

    /** RAM the whole lab takes on a physical pool. */
    public long memoryBytes() {
        return hosts.count() * hosts.memoryBytes() + controlPlane.stream().mapToLong(ControlVm::memoryBytes).sum();
    }
}
