package io.inception.xen.lab;

/**
 * Where the long operations of labs run (SPI): Inception queues them as cluster work, which a node
 * claims and executes with {@link LabService#build} and {@link LabService#finishDelete}. A queue
 * must be durable and idempotent per lab: queuing the same operation of a lab twice runs it once.
 */
public interface LabQueue {
    /**
     * Queues the build of an accepted (CREATING) lab.
     *
     * @return true when it is queued now; false when the build was queued (or is running) already
     */
    boolean build(Lab lab);

    /**
     * Queues the removal of a DELETING lab's VMs.
     *
     * @return true when it is queued now; false when the delete was queued (or is running) already
     */
    boolean delete(Lab lab);
}
