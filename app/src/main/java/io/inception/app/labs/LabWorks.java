package io.inception.app.labs;

import io.inception.cluster.ClusterWork;
import io.inception.cluster.Sweep;
import io.inception.cluster.WorkItem;
import io.inception.cluster.WorkOutcome;
import io.inception.cluster.WorkQueue;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabOutcome;
import io.inception.xen.lab.LabQueue;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.ReapReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Lab operations as cluster work. {@code lab-build} builds an accepted lab ({@link LabService#build}),
 * {@code lab-delete} removes a deleting lab's VMs ({@link LabService#finishDelete}); each item's id is
 * the lab id and its zone the zone of the lab's physical pool (none when the pool names none). Both
 * are resumable: a node that takes over a dead node's build starts a new generation of the lab, which
 * removes what the dead build made and fences it, then builds from scratch. The reaper is a
 * {@link Sweep}: one node of the cluster at a time.
 */
public final class LabWorks {
    public static final String BUILD = "lab-build";
    public static final String DELETE = "lab-delete";
    public static final String REAPER = "lab-reaper";
    private static final Logger LOG = LoggerFactory.getLogger(LabWorks.class);

    private LabWorks() {
    }

    /** The two kinds of lab work, executed with {@code labs}. */
    public static List<ClusterWork> works(LabService labs) {
        return List.of(new Build(labs), new Delete(labs));
    }

    /** The reaper (expired labs, leaked VMs) as a sweep every {@code every}. */
    public static Sweep reaper(LabService labs, Duration every) {
        return new Sweep(REAPER, every, () -> {
            ReapReport r = labs.reap();
            if (!r.expiredLabs().isEmpty() || !r.leakedVms().isEmpty()) {
                LOG.info("lab reaper: removed labs {} and {} leaked VM(s)", r.expiredLabs(), r.leakedVms().size());
            }
        });
    }

    /** {@code labs} queuing its builds and deletes on the shared {@code queue}. */
    public static LabService queued(LabService labs, WorkQueue queue) {
        return labs.withQueue(new LabQueue() {
            @Override
            public void build(Lab lab) {
                queue.submit(item(labs, BUILD, lab));
            }

            @Override
            public void delete(Lab lab) {
                queue.submit(item(labs, DELETE, lab));
            }
        });
    }

    /** The work item of operation {@code kind} on {@code lab}, bound to its pool's zone. */
    static WorkItem item(LabService labs, String kind, Lab lab) {
        Optional<String> zone = labs.pool(lab.pool()).flatMap(p -> p.zone());
        return new WorkItem(kind, zone, lab.id(), "");
    }

    private record Build(LabService labs) implements ClusterWork {
        @Override
        public String kind() {
            return BUILD;
        }

        @Override
        public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
            LabOutcome o = labs.build(item.id(), stopping);
            if (o instanceof LabOutcome.Created c) return new WorkOutcome.Done("lab " + c.lab().id() + " ready");
            if (o instanceof LabOutcome.Failed f) return new WorkOutcome.Done("lab " + f.lab().id() + " failed: " + f.reason());
            if (o instanceof LabOutcome.Interrupted i && stopping.getAsBoolean() && i.lab().state() == Lab.State.CREATING) {
                return new WorkOutcome.Again("", Duration.ZERO, "handed over: " + i.reason());
            }
            return new WorkOutcome.Done(o instanceof LabOutcome.Interrupted i ? i.reason() : String.valueOf(o));
        }
    }

    private record Delete(LabService labs) implements ClusterWork {
        @Override
        public String kind() {
            return DELETE;
        }

        @Override
        public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
            if (labs.show(item.id()).isEmpty()) return new WorkOutcome.Done("there is no lab " + item.id());
            return new WorkOutcome.Done("lab " + item.id() + " is " + labs.finishDelete(item.id()).state());
        }
    }
}
