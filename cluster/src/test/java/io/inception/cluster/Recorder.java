package io.inception.cluster;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/** A work kind that records which node executed which item; {@code probe} items count up to their id's limit. */
final class Recorder {
    record Execution(String node, WorkItem item) {
    }

    final Queue<Execution> executions = new ConcurrentLinkedQueue<>();

    /** The work as node {@code node} runs it: data counts up, the item is done once data reaches {@code rounds - 1}. */
    ClusterWork on(String node, int rounds) {
        return new ClusterWork() {
            @Override
            public String kind() {
                return "probe";
            }

            @Override
            public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
                executions.add(new Execution(node, item));
                int n = item.data().isEmpty() ? 0 : Integer.parseInt(item.data());
                return n + 1 < rounds ? new WorkOutcome.Again(String.valueOf(n + 1), java.time.Duration.ZERO, "round " + n)
                        : new WorkOutcome.Done("rounds done");
            }
        };
    }

    List<Execution> of(String id) {
        return executions.stream().filter(e -> e.item().id().equals(id)).toList();
    }
}
