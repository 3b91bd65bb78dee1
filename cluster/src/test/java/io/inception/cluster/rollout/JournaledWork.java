package io.inception.cluster.rollout;

import io.inception.cluster.ClusterWork;
import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkOutcome;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Wraps a work kind to journal "{@code <node> <item id> wave <data>}" before each execution, for tests to read. */
record JournaledWork(String node, ClusterWork inner, Consumer<String> journal) implements ClusterWork {
    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
        journal.accept(node + " " + item.id() + " wave " + item.data());
        return inner.execute(item, stopping);
    }
}
