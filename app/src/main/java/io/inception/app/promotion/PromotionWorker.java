package io.inception.app.promotion;

import io.inception.engine.store.StoredPromotions;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The {@link PromotionRunner}s: inline, or on worker threads; both beat every {@link #HEARTBEAT}. */
public final class PromotionWorker implements PromotionRunner {
    /** How often a running promotion's {@code updated_at} is refreshed. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final ScheduledExecutorService BEATS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "promotion-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private final StoredPromotions promotions;
    private final Clock clock;
    private final ExecutorService workers;
    private final Set<String> active = ConcurrentHashMap.newKeySet();

    private PromotionWorker(StoredPromotions promotions, Clock clock, ExecutorService workers) {
        this.promotions = promotions;
        this.clock = clock;
        this.workers = workers;
    }

    /** Runs each deploy on the calling thread. */
    public static PromotionWorker inline(StoredPromotions promotions, Clock clock) {
        return new PromotionWorker(promotions, clock, null);
    }

    /** Runs each deploy on a thread of its own (one promotion per environment runs at a time anyway). */
    public static PromotionWorker background(StoredPromotions promotions, Clock clock) {
        return new PromotionWorker(promotions, clock, Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "promotion-worker");
            t.setDaemon(true);
            return t;
        }));
    }

    @Override
    public void start(String promotionId, Runnable deploy) {
        active.add(promotionId);
        ScheduledFuture<?> beat = BEATS.scheduleWithFixedDelay(() -> promotions.touch(promotionId, clock.instant()),
                HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        Runnable work = () -> {
            try {
                deploy.run();
            } finally {
                beat.cancel(false);
                active.remove(promotionId);
            }
        };
        if (workers == null) {
            work.run();
            return;
        }
        try {
            workers.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            beat.cancel(false);
            active.remove(promotionId);
            throw new IllegalStateException("the promotion worker is closed (the server is stopping): promotion "
                    + promotionId + " was not started", e);
        }
    }

    @Override
    public Set<String> active() {
        return Set.copyOf(active);
    }

    @Override
    public void close() {
        if (workers != null) workers.shutdown();
    }
}
