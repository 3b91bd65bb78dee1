package io.inception.app.promotion;

import io.inception.engine.store.StoredPromotions;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;

/** Promotion ids {@code p-<yyyyMMdd>-<nnnn>}: the date, then one more than the day's promotions so far. */
public final class PromotionIds implements Supplier<String> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final StoredPromotions promotions;
    private final Clock clock;

    public PromotionIds(StoredPromotions promotions, Clock clock) {
        this.promotions = promotions;
        this.clock = clock;
    }

    @Override
    public synchronized String get() {
        String prefix = "p-" + DAY.format(clock.instant()) + "-";
        long today = promotions.list(10_000).stream().filter(p -> p.id().startsWith(prefix)).count();
        String id;
        do {
            id = prefix + String.format("%04d", ++today);
        } while (promotions.find(id).isPresent());
        return id;
    }
}
