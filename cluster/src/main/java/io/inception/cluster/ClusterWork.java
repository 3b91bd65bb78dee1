package io.inception.cluster;

/**
 * A kind of work that cluster nodes claim from the shared queue (SPI). A node registers the kinds it
 * can execute; {@link #execute} runs on the node that claimed the item, while that node's heartbeat
 * keeps the claim. When the node dies the claim expires and another node of the item's zone runs
 * {@code execute} again for the same item, so an implementation must be resumable: it continues
 * from the state it persisted (checkpoints, per-host records) and never repeats done work.
 */
public interface ClusterWork {
    /** The kind this executes, e.g. {@code rollout-wave}: lower-case letters, digits and '-'. */
    String kind();

    /**
     * Executes (or resumes) {@code item}. Expected outcomes are values; an exception is a bug or an
     * unexpected I/O failure, and the item is retried later.
     *
     * @param item      the claimed item
     * @param stopping  true once this node is shutting down: finish the step in hand and return
     *                  {@link WorkOutcome.Again} so another node continues
     */
    WorkOutcome execute(WorkItem item, java.util.function.BooleanSupplier stopping);
}
