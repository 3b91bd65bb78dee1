package io.inception.engine.executor;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Makes ids for runs and executor instances; injected so tests get predictable ids. */
@FunctionalInterface
public interface IdGenerator {
    /** A new id, starting with {@code kind} (e.g. {@code r} for a run). */
    String next(String kind);

    /** Ids like {@code r-20261127-023045-7f3a}: sortable by time, unique by a random suffix. */
    static IdGenerator timeBased(Clock clock, Random random) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
        return kind -> kind + "-" + format.format(clock.instant()) + "-"
                + String.format("%04x", random.nextInt(0x10000));
    }

    /** Ids like {@code r-1}, {@code r-2}, ... with one counter for all kinds. */
    static IdGenerator sequential(String prefix) {
        AtomicLong counter = new AtomicLong();
        return kind -> prefix + kind + "-" + counter.incrementAndGet();
    }
}
