package io.inception.app.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import io.inception.cluster.TaskNames;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quiets db-scheduler's warning "Failed to find implementation for task with name 'rollout-wave@c2'" for
 * work of a zone this node does not reach. That is the cluster's zone filter at work (a node registers
 * handlers only for its own zones, and leaves other zones' rows alone), not a fault; it becomes one INFO
 * line per task name instead. The warning stays for unknown work with no zone — a real problem, e.g. a
 * node of another version that lacks a kind of work. Registered in the app's {@code logback.xml}.
 */
public final class ForeignZoneWork extends TurboFilter {
    static final String SCHEDULER_LOGGER = "com.github.kagkarlsson.scheduler.jdbc.JdbcTaskRepository";
    static final String UNKNOWN_TASK = "Failed to find implementation for task with name";
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(ForeignZoneWork.class);

    private final Set<String> told = ConcurrentHashMap.newKeySet();

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.WARN || format == null || !format.startsWith(UNKNOWN_TASK)
                || !SCHEDULER_LOGGER.equals(logger.getName()) || params == null || params.length == 0) {
            return FilterReply.NEUTRAL;
        }
        String task = String.valueOf(params[0]);
        Optional<String> zone = TaskNames.zoneOf(task);
        if (zone.isEmpty()) return FilterReply.NEUTRAL;
        if (told.add(task)) {
            LOG.info("work '{}' belongs to zone {}, which this node does not reach: left to the nodes of {}", task,
                    zone.get(), zone.get());
        }
        return FilterReply.DENY;
    }
}
