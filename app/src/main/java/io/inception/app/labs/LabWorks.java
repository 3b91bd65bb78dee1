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

    /** The two kinds of lab work, executed with {@code labs}; a lab on a pool not configured here as {@link PoolRetry#DEFAULT}. */
    public static List<ClusterWork> works(LabService labs) {
        return works(labs, PoolRetry.DEFAULT);
    }

    /** The two kinds of lab work, executed with {@code labs}, retrying a lab on a pool not configured here as {@code retry} says. */
    public static List<ClusterWork> works(LabService labs, PoolRetry retry) {
        return List.of(new Build(labs, retry), new Delete(labs, retry));
    }

    /**
     * What a node does with the work of a lab whose pool it has not configured (another node may
     * have): hands it back to the queue, due again after {@code every}, at most {@code attempts}
     * times in all (counted in the item's data, on whichever node), then records the lab FAILED
     * with a message naming the pool and how to configure it.
     */
    public record PoolRetry(int attempts, Duration every) {
        /** 10 attempts, 30 s apart: a lab on a pool no node has is FAILED after about 5 minutes. */
        public static final PoolRetry DEFAULT = new PoolRetry(10, Duration.ofSeconds(30));

        public PoolRetry {
            if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }

        WorkOutcome unconfigured(LabService labs, WorkItem item, Lab lab, String operation) {
            int attempt = attemptOf(item.data()) + 1;
            if (attempt < attempts) {
                return new WorkOutcome.Again(String.valueOf(attempt), every, "lab " + lab.id() + " is on pool " + lab.pool()
                        + ", which this node has not configured (attempt " + attempt + " of " + attempts + ")");
            }
            String why = operation + " given up after " + attempts + " attempts: lab " + lab.id() + " is on pool "
                    + lab.pool() + ", which no node that took its work has configured. Configure it on a node of its zone ("
                    + XenPools.URL + ", " + XenPools.USER + ", " + XenPools.PASSWORD + ", " + XenPools.POOL + "="
                    + lab.pool() + " and, in a cluster, " + XenPools.ZONE + "=<zone> with --zones <zone>), then "
                    + (operation.equals("build") ? "request the lab again" : "delete it again (inception lab delete "
                    + lab.id() + ")");
            Lab failed = labs.giveUp(lab.id(), why);
            return new WorkOutcome.Done("lab " + lab.id() + " is " + failed.state() + ": " + failed.message());
        }

        private static int attemptOf(String data) {
            try {
                return data == null || data.isBlank() ? 0 : Integer.parseInt(data.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    /** The reaper (expired labs, leaked VMs) as a sweep every {@code every}. */
    public static Sweep reaper(LabService labs, Duration every) {
        return new Sweep(REAPER, every, () -> lines(labs.reap()).forEach(LOG::info));
    }

    /**
     * What a reaper pass did, one line per change worth telling: the expired labs and leaked VMs
     * removed, then one line per lab whose missing work was queued again. None when it did nothing.
     */
    public static List<String> lines(ReapReport r) {
        List<String> lines = new java.util.ArrayList<>();
        if (!r.expiredLabs().isEmpty() || !r.leakedVms().isEmpty()) {
            lines.add("lab reaper: removed labs " + r.expiredLabs() + " and " + r.leakedVms().size() + " leaked VM(s)");
        }
        for (String requeued : r.requeued()) {
            String[] labAndOperation = requeued.split(" ", 2);
            lines.add("lab reaper: lab " + labAndOperation[0] + " was left without its queued " + labAndOperation[1]
                    + " (its process died before queuing it): queued it again");
        }
        return lines;
    }

    /** {@code labs} queuing its builds and deletes on the shared {@code queue}. */
    public static LabService queued(LabService labs, WorkQueue queue) {
        return labs.withQueue(new LabQueue() {
            @Override
            public boolean build(Lab lab) {
                return queue.submit(item(labs, BUILD, lab));
            }

            @Override
            public boolean delete(Lab lab) {
                return queue.submit(item(labs, DELETE, lab));
            }
        });
    }

    /** The work item of operation {@code kind} on {@code lab}, bound to its pool's zone. */
    static WorkItem item(LabService labs, String kind, Lab lab) {
        Optional<String> zone = labs.pool(lab.pool()).flatMap(p -> p.zone());
        return new WorkItem(kind, zone, lab.id(), "");
    }

    private record Build(LabService labs, PoolRetry retry) implements ClusterWork {
        @Override
        public String kind() {
            return BUILD;
        }

        @Override
        public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
            Optional<Lab> lab = labs.show(item.id());
            if (lab.isPresent() && lab.get().state() == Lab.State.CREATING && labs.pool(lab.get().pool()).isEmpty()) {
                return retry.unconfigured(labs, item, lab.get(), "build");
            }
            LabOutcome o = labs.build(item.id(), stopping);
            if (o instanceof LabOutcome.Created c) return new WorkOutcome.Done("lab " + c.lab().id() + " ready");
            if (o instanceof LabOutcome.Failed f) return new WorkOutcome.Done("lab " + f.lab().id() + " failed: " + f.reason());
            if (o instanceof LabOutcome.Interrupted i && stopping.getAsBoolean() && i.lab().state() == Lab.State.CREATING) {
                return new WorkOutcome.Again("", Duration.ZERO, "handed over: " + i.reason());
            }
            return new WorkOutcome.Done(o instanceof LabOutcome.Interrupted i ? i.reason() : String.valueOf(o));
        }
    }

    private record Delete(LabService labs, PoolRetry retry) implements ClusterWork {
        @Override
        public String kind() {
            return DELETE;
        }

        @Override
        public WorkOutcome execute(WorkItem item, BooleanSupplier stopping) {
            Optional<Lab> lab = labs.show(item.id());
            if (lab.isEmpty()) return new WorkOutcome.Done("there is no lab " + item.id());
            if (lab.get().state() == Lab.State.DELETING && labs.pool(lab.get().pool()).isEmpty()) {
                return retry.unconfigured(labs, item, lab.get(), "delete");
            }
            return new WorkOutcome.Done("lab " + item.id() + " is " + labs.finishDelete(item.id()).state());
        }
    }
}
