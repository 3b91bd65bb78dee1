package io.inception.app.web;

import io.inception.app.release.ReleaseText;
import io.inception.engine.store.Store;
import io.javalin.http.sse.SseClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for one rollout's grid: the store's host rows are read every {@code interval} and each
 * host whose phase or message changed is sent as event {@code hosts} (a JSON array of cells), the rollout's
 * status as event {@code status}. The first message carries every host, so a client that reconnects is whole.
 */
final class RolloutFeed {
    private final Store store;
    private final ScheduledExecutorService ticks;
    private final Duration interval;

    RolloutFeed(Store store, ScheduledExecutorService ticks, Duration interval) {
        this.store = store;
        this.ticks = ticks;
        this.interval = interval;
    }

    void attach(SseClient client, String rolloutId) {
        client.keepAlive();
        Map<String, RolloutView.HostCell> seen = new HashMap<>();
        String[] lastStatus = {""};
        // a periodic task that throws is never run again: that is how it stops when the client has gone
        ScheduledFuture<?> task = ticks.scheduleWithFixedDelay(() -> {
            if (client.terminated()) throw new java.util.concurrent.CancellationException("client gone");
            try {
                Optional<RolloutView> view = RolloutView.load(store, rolloutId);
                if (view.isEmpty()) return;
                List<RolloutView.HostCell> changed = new ArrayList<>();
                for (RolloutView.HostCell h : view.get().hosts()) {
                    if (!h.equals(seen.put(h.host(), h))) changed.add(h);
                }
                if (!changed.isEmpty()) client.sendEvent("hosts", ReleaseText.json(changed).replace("\n", ""));
                String status = view.get().status() + ":" + view.get().message();
                if (!status.equals(lastStatus[0])) {
                    lastStatus[0] = status;
                    client.sendEvent("status", view.get().status());
                }
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        client.onClose(() -> task.cancel(false));
    }
}
