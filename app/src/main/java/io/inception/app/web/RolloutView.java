package io.inception.app.web;

import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.store.Store;

import java.util.List;
import java.util.Optional;

/**
 * A rollout as the grid draws it: every host with its cell, wave and phase.
 */
record RolloutView(String id, String environment, String buildId, String version, String status, String message,
                   List<HostCell> hosts) {
    record HostCell(String host, String cell, int wave, String phase, String message) {
        static HostCell of(HostRecord h) {
            return new HostCell(h.host().name(), h.host().cell(), h.wave(), h.phase().name(), h.message());
        }
    }

    static Optional<RolloutView> load(Store store, String id) {
        return store.rollouts().find(id).map(r -> of(r, store.rollouts().hosts(id)));
    }

    static RolloutView of(RolloutRecord r, List<HostRecord> hosts) {
        return new RolloutView(r.id(), r.spec().environment(), r.spec().buildId(), r.spec().version(),
                r.status().name(), r.message(), hosts.stream().map(HostCell::of).toList());
    }
}
