package io.inception.engine.rollout;

import io.inception.engine.model.ExecutionStatus;

import java.util.List;
import java.util.Optional;

/**
 * Durable rollout state. Every method commits before it returns, so a host's phase survives
 * {@code kill -9} the moment it is written. The engine's store implements it
 * ({@code Store.rollouts()}).
 */
public interface RolloutStore {
    /** Stores a new rollout and its planned hosts, all PENDING. */
    void create(String id, RolloutSpec spec, List<HostRecord> hosts);

    Optional<RolloutRecord> find(String id);

    /** Rollouts, newest first. */
    List<RolloutRecord> list();

    /** The hosts of a rollout in plan order. */
    List<HostRecord> hosts(String id);

    /** Stores one host's new state. */
    void update(String id, HostRecord host);

    void setStatus(String id, ExecutionStatus status, String message);

    /** Approves the manual gates after waves {@code 0 .. afterWave} (0-based). */
    void approveGate(String id, int afterWave);
}
