package io.inception.app.promotion;

import java.util.Set;

/**
 * Where an approved promotion's deploy runs: on the caller's thread ({@link PromotionWorker#inline}: the CLI
 * without a server, the demo) or on a worker thread ({@link PromotionWorker#background}: the server, so that an
 * HTTP request only records the promotion). Either way the runner keeps the RUNNING promotion's heartbeat
 * ({@code updated_at}) fresh while the deploy runs, so that {@link PromotionService#interruptAbandoned} can tell a
 * live promotion from one whose process died.
 */
public interface PromotionRunner extends AutoCloseable {
    /** Runs {@code deploy} for the RUNNING promotion {@code promotionId}; inline runners return when it is done. */
    void start(String promotionId, Runnable deploy);

    /** The promotions this runner is carrying out now. */
    Set<String> active();

    /** Takes no more work; deploys under way finish. */
    @Override
    void close();
}
