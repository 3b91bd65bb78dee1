package io.inception.engine.scheduler;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** A parsed Unix cron expression and the question the scheduler asks of it. */
final class CronSchedule {
    private static final CronParser UNIX = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    /** Bound on counting missed fires, so an every-minute schedule after a month of downtime stays cheap. */
    private static final int MAX_COUNTED = 10_000;

    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronSchedule(ExecutionTime executionTime, ZoneId zone) {
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /** Parses and validates a 5-field Unix expression; IllegalArgumentException names the problem. */
    static Cron parse(String expression) {
        try {
            return UNIX.parse(expression.trim()).validate();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cron expression '" + expression + "' (Unix, 5 fields: "
                    + "minute hour day-of-month month day-of-week): " + e.getMessage(), e);
        }
    }

    static CronSchedule of(CronTrigger trigger) {
        return new CronSchedule(ExecutionTime.forCron(parse(trigger.cronExpression())), trigger.timezone());
    }

    /**
     * The scheduled times in {@code (after, upTo]}: the latest one and how many there were, or empty
     * when none. Several missed times collapse into the latest.
     */
    Optional<Due> dueBetween(Instant after, Instant upTo) {
        Optional<ZonedDateTime> next = executionTime.nextExecution(after.atZone(zone));
        if (next.isEmpty() || next.get().toInstant().isAfter(upTo)) return Optional.empty();
        ZonedDateTime latest = next.get();
        int count = 1;
        while (count < MAX_COUNTED) {
            Optional<ZonedDateTime> following = executionTime.nextExecution(latest);
            if (following.isEmpty() || following.get().toInstant().isAfter(upTo)) break;
            latest = following.get();
            count++;
        }
        return Optional.of(new Due(latest.toInstant(), count));
    }

    /** The first scheduled time strictly after {@code after}, if any. */
    Optional<Instant> nextAfter(Instant after) {
        return executionTime.nextExecution(after.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /** A scheduled time that has passed, and how many scheduled times it stands for. */
    record Due(Instant scheduledAt, int collapsed) {
    }
}
