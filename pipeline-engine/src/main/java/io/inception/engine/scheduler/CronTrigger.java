package io.inception.engine.scheduler;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Fires on a Unix cron schedule (5 fields: minute hour day-of-month month day-of-week), evaluated
 * in {@code timezone} so that "0 2 * * *" means 02:00 local time across daylight-saving changes.
 *
 * @param name           unique trigger name
 * @param cronExpression e.g. {@code 0 *&#47;4 * * *}; validated here, so a bad expression fails at load
 * @param timezone       the zone the schedule is read in
 */
public record CronTrigger(String name, String cronExpression, ZoneId timezone) implements TriggerDefinition {
    public CronTrigger {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(cronExpression, "cronExpression");
        timezone = timezone == null ? ZoneId.of("UTC") : timezone;
        CronSchedule.parse(cronExpression); // throws IllegalArgumentException with the reason
    }

    /** A trigger in UTC. */
    public static CronTrigger utc(String name, String cronExpression) {
        return new CronTrigger(name, cronExpression, ZoneId.of("UTC"));
    }
}
