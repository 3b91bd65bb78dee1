package io.inception.xen.lab;

import java.time.Instant;
import java.util.List;

/**
 * One lab: who asked, when, from which template, on which physical pool, until when, and every VM
 * that was made for it (nested hosts and control plane).
 */
public record Lab(String id, String name, String owner, String template, String pool, Lease lease, State state,
                  List<LabVm> vms, String masterAddress, String message, long memoryBytes, int hosts,
                  Instant updatedAt) {
    public Lab {
        vms = List.copyOf(vms);
    }

    /** Where a lab is in its life. */
    public enum State { CREATING, READY, FAILED, DELETING, DELETED }

    /** A VM of the lab: its reference on the physical pool, its name and its role. */
    public record LabVm(String ref, String name, String role) {
    }

    public Lab withState(State s, String msg, Instant at) {
        return new Lab(id, name, owner, template, pool, lease, s, vms, masterAddress, msg, memoryBytes, hosts, at);
    }

    public Lab withVms(List<LabVm> newVms, String master, Instant at) {
        return new Lab(id, name, owner, template, pool, lease, state, newVms, master, message, memoryBytes, hosts, at);
    }

    public Lab withLease(Lease l, Instant at) {
        return new Lab(id, name, owner, template, pool, l, state, vms, masterAddress, message, memoryBytes, hosts, at);
    }

    /** A lab that still holds (or may hold) resources. */
    public boolean live() {
        return state == State.CREATING || state == State.READY || state == State.DELETING;
    }
}
