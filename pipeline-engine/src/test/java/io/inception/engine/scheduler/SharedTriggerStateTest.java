package io.inception.engine.scheduler;

import io.inception.engine.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two schedulers sharing one stored trigger state (two nodes of a cluster on one database): one trunk
 * move, or one scheduled time, fires once in all of them, even when both saw it at the same moment.
 */
class SharedTriggerStateTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final TrunkMovedTrigger TRUNK = new TrunkMovedTrigger("trunk", "file:///srv/nova.git", "master",
            Duration.ofSeconds(1));

    private final Store store = Store.open("jdbc:h2:mem:triggers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=30000");
    private final AtomicReference<String> head = new AtomicReference<>("a1");
    private final List<String> fires = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        store.close();
    }

    private TriggerScheduler node(String name, TriggerStateStore states, TriggerListener listener) {
        return new TriggerScheduler(List.of(TRUNK), listener, states, (url, ref) -> head.get(), Clock.systemUTC());
    }

    /** The shared store, where {@code afterLoad} runs (another node acting) between a load and its return. */
    private TriggerStateStore loadingThen(Runnable afterLoad) {
        return new TriggerStateStore() {
            @Override
            public Optional<TriggerState> load(String triggerName) {
                Optional<TriggerState> seen = store.triggerStates().load(triggerName);
                afterLoad.run();
                return seen;
            }

            @Override
            public void save(String triggerName, TriggerState state) {
                store.triggerStates().save(triggerName, state);
            }

            @Override
            public TriggerState locked(String triggerName, UnaryOperator<TriggerState> step) {
                return store.triggerStates().locked(triggerName, step);
            }
        };
    }

    private TriggerListener recording(String node) {
        return e -> fires.add(node + " " + e.sha());
    }

    @Test
    void aNodeThatSawTheMoveBeforeTheOtherFiredItDoesNotFireItAgain() {
        TriggerScheduler a = node("a", store.triggerStates(), recording("a"));
        a.tick(T0); // baseline a1
        head.set("b2");
        // node b reads the state (still a1), then node a fires for b2 before b decides
        TriggerStateStore interleaved = loadingThen(() -> {
            if (fires.isEmpty()) a.tick(T0.plusSeconds(10));
        });
        List<TriggerEvent> firedByB = node("b", interleaved, recording("b")).tick(T0.plusSeconds(10));

        assertThat(firedByB).isEmpty();
        assertThat(fires).containsExactly("a b2");
        assertThat(store.triggerStates().load("trunk").orElseThrow().lastSha()).isEqualTo("b2");
    }

    @Test
    void twoNodesTickingAtOnceFireOneTrunkMoveOnce() throws Exception {
        TriggerScheduler[] b = new TriggerScheduler[1];
        Thread[] bTick = new Thread[1];
        // while a fires (its transaction open), b ticks in parallel and must wait for a's record
        TriggerScheduler a = node("a", store.triggerStates(), e -> {
            fires.add("a " + e.sha());
            bTick[0] = new Thread(() -> b[0].tick(T0.plusSeconds(10)), "node-b-tick");
            bTick[0].start();
            try {
                bTick[0].join(2000); // b finishing here would mean it did not wait for the lock
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        b[0] = node("b", store.triggerStates(), recording("b"));
        a.tick(T0);
        b[0].tick(T0); // both saw a1: the baseline
        head.set("b2");
        a.tick(T0.plusSeconds(10));
        bTick[0].join(30_000);

        assertThat(bTick[0].isAlive()).as("node b's tick ended").isFalse();
        assertThat(fires).containsExactly("a b2");
    }

    @Test
    void whatAFireWritesToTheStoreIsCommittedAtOnceForTheExecutorsOtherThreads() throws Exception {
        List<Boolean> seenFromAnotherThread = new CopyOnWriteArrayList<>();
        TriggerScheduler a = node("a", store.triggerStates(), e -> {
            // the run a fire starts: written on this thread, executed by the executor's workers
            store.triggerStates().save("written-by-the-fire", new TriggerState("c3", T0));
            Thread worker = new Thread(() -> seenFromAnotherThread.add(store.triggerStates().load("written-by-the-fire").isPresent()));
            worker.start();
            worker.join();
        });
        a.tick(T0);
        head.set("b2");
        a.tick(T0.plusSeconds(10));

        assertThat(seenFromAnotherThread).containsExactly(true);
    }

    @Test
    void aScheduledTimeOneNodeFiredIsNotFiredByAnother() {
        CronTrigger nightly = new CronTrigger("nightly", "0 2 * * *", java.time.ZoneOffset.UTC);
        TriggerScheduler a = new TriggerScheduler(List.of(nightly), recording("a"), store.triggerStates(),
                (url, ref) -> head.get(), Clock.systemUTC());
        TriggerScheduler b = new TriggerScheduler(List.of(nightly), recording("b"), store.triggerStates(),
                (url, ref) -> head.get(), Clock.systemUTC());
        Instant before = Instant.parse("2026-11-27T01:59:00Z");
        a.tick(before);
        b.tick(before);
        a.tick(Instant.parse("2026-11-27T02:00:10Z"));
        b.tick(Instant.parse("2026-11-27T02:00:20Z"));

        assertThat(fires).containsExactly("a null");
    }

    @Test
    void aPathFilteredNodeWhoseRangeWentStaleReadsTheRangeAgainUnderTheLock() {
        // a1 -> b2 (changes puppet/x.pp) -> c3 (docs only). Node a polls b2 and fires for it while node b,
        // which polled c3 and read the range (a1, c3] before taking the lock, is about to decide.
        TrunkMovedTrigger manifests = new TrunkMovedTrigger("trunk", "file:///srv/config.git", "master",
                Duration.ofSeconds(1), PathFilter.of(List.of("puppet/**"), List.of()));
        List<String> ranges = new CopyOnWriteArrayList<>();
        CommitRanges fake = (url, ref, from, to, filter) -> {
            ranges.add(from + ".." + to);
            return from.equals("b2") ? new CommitRanges.Untouched(1) : new CommitRanges.Touched("b2", "puppet/x.pp", 1);
        };
        TriggerScheduler a = new TriggerScheduler(List.of(manifests), recording("a"), store.triggerStates(),
                (url, ref) -> head.get(), fake, Clock.systemUTC());
        a.tick(T0); // baseline a1
        TriggerStateStore interleaved = loadingThen(() -> {
            head.set("b2");
            a.tick(T0.plusSeconds(10)); // a fires for b2 after b read a1
        });
        TriggerScheduler b = new TriggerScheduler(List.of(manifests), recording("b"), interleaved,
                (url, ref) -> "c3", fake, Clock.systemUTC());

        assertThat(b.tick(T0.plusSeconds(10))).as("c3 itself changed no manifest").isEmpty();
        assertThat(fires).containsExactly("a b2");
        assertThat(ranges).containsExactly("a1..b2", "a1..c3", "b2..c3");
        assertThat(store.triggerStates().load("trunk").orElseThrow().lastSha()).isEqualTo("c3");
    }
}
