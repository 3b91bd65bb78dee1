package io.inception.cluster;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The cluster's shared queue of work ({@code scheduled_tasks}), for whoever submits work — a node,
 * the CLI or a test — without executing any.
 */
public final class WorkQueue {
    private final SchedulerClient client;
    private final Jdbi jdbi;
    private final Clock clock;

    public WorkQueue(DataSource dataSource, Clock clock) {
        this.client = SchedulerClient.Builder.create(dataSource).build();
        this.jdbi = Jdbi.create(dataSource);
        this.clock = clock;
    }

    /**
     * Queues {@code item}, due now. Idempotent: an item of the same kind, zone and id already queued
     * (or being executed) is left as it is and false is returned.
     */
    public boolean submit(WorkItem item) {
        return submit(item, clock.instant());
    }

    /** As {@link #submit(WorkItem)}, due at {@code due}. */
    public boolean submit(WorkItem item, java.time.Instant due) {
        TaskInstance<String> instance = new TaskInstance<>(TaskNames.of(item.kind(), item.zone()), item.id(), item.data());
        return client.scheduleIfNotExists(instance, due);
    }

    /**
     * Whether any item of {@code kind} (in any zone) whose id starts with {@code idPrefix} is queued or
     * claimed — e.g. a stage of one run ({@code <runId>/}).
     */
    public boolean holds(String kind, String idPrefix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM scheduled_tasks WHERE (task_name = :kind"
                        + " OR task_name LIKE :zoned ESCAPE '!') AND task_instance LIKE :prefix ESCAPE '!'")
                .bind("kind", kind).bind("zoned", likeEscaped(TaskNames.zonedPrefix(kind)) + "%")
                .bind("prefix", likeEscaped(idPrefix) + "%")
                .mapTo(Long.class).one()) > 0;
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /** Every queued item (waiting or claimed), by due time. */
    public List<Claim> items() {
        return jdbi.withHandle(h -> h.createQuery("SELECT task_name, task_instance, execution_time, picked, picked_by,"
                        + " last_heartbeat FROM scheduled_tasks ORDER BY execution_time, task_name, task_instance")
                .map((rs, ctx) -> {
                    String name = rs.getString("task_name");
                    Timestamp beat = rs.getTimestamp("last_heartbeat");
                    return new Claim(TaskNames.kindOf(name), TaskNames.zoneOf(name), rs.getString("task_instance"),
                            rs.getTimestamp("execution_time").toInstant(),
                            rs.getBoolean("picked") ? Optional.ofNullable(rs.getString("picked_by")) : Optional.empty(),
                            beat == null ? null : beat.toInstant());
                }).list());
    }
}
