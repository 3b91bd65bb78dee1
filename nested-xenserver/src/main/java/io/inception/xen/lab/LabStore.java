package io.inception.xen.lab;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where labs are kept ({@link DbLabStore}: the engine's database, shared by every node of a cluster).
 * Each long operation on a lab (a build, a delete) {@linkplain #begin begins} a new generation and
 * writes under it with {@link #update}; once a later operation began, the earlier one's writes are
 * refused — so a node that stalled and lost its claim cannot change a lab another node now owns.
 */
public interface LabStore {
    /** For {@link #update}: whatever the generation. */
    long ANY_GENERATION = -1;

    /** Stores a new lab, or replaces a stored one's record (its generation is kept). */
    void save(Lab lab);

    Optional<Lab> find(String id);

    /** Every lab, oldest first. */
    List<Lab> all();

    /**
     * Begins a new operation on lab {@code id}, fencing the writes of any earlier one.
     *
     * @return the operation's generation
     * @throws IllegalArgumentException when there is no such lab
     */
    long begin(String id);

    /** The generation of the lab's current operation (0 before any). */
    long generation(String id);

    /**
     * Changes lab {@code id} atomically if {@code generation} is still its current one (or with
     * {@link #ANY_GENERATION}).
     *
     * @return the lab as written; empty when there is no such lab or a later operation began
     */
    Optional<Lab> update(String id, long generation, UnaryOperator<Lab> change);
}
