package io.inception.app.cluster;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** db-scheduler's warning about another zone's work, as a node's log shows it. */
class ForeignZoneWorkTest {
    private static final String WARNING = "Failed to find implementation for task with name '{}'. Execution will be"
            + " excluded from due. The scheduler normally delete unresolved tasks after 14d. To handle manually, either"
            + " delete the execution from the database, or add an implementation for it.";

    @Test
    void anotherZonesWorkIsOneInfoLinePerTaskAndUnknownZonelessWorkStillWarns() {
        LoggerContext context = new LoggerContext();
        context.addTurboFilter(new ForeignZoneWork());
        context.start();
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.setContext(context);
        seen.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(seen);
        root.setLevel(Level.INFO);
        Logger scheduler = context.getLogger(ForeignZoneWork.SCHEDULER_LOGGER);
        // ForeignZoneWork logs through the global factory, not this context: its line is checked there
        scheduler.warn(WARNING, "rollout-wave@c2");
        scheduler.warn(WARNING, "rollout-wave@c2");
        scheduler.warn(WARNING, "lab-operation");
        scheduler.warn("Failed to fetch due executions", new IllegalStateException("db down"));

        assertThat(seen.list).extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Level.WARN, WARNING.replace("{}", "lab-operation")),
                org.assertj.core.groups.Tuple.tuple(Level.WARN, "Failed to fetch due executions"));
    }

    @Test
    void itSaysOnceWhatItLeftToTheOtherZone() {
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        Logger own = (Logger) org.slf4j.LoggerFactory.getLogger(ForeignZoneWork.class);
        seen.start();
        own.addAppender(seen);
        try {
            ForeignZoneWork filter = new ForeignZoneWork();
            Logger scheduler = new LoggerContext().getLogger(ForeignZoneWork.SCHEDULER_LOGGER);
            for (int i = 0; i < 3; i++) filter.decide(null, scheduler, Level.WARN, WARNING, new Object[] {"rollout-wave@c2"}, null);
            filter.decide(null, scheduler, Level.WARN, WARNING, new Object[] {"rollout-wave@c3"}, null);
        } finally {
            own.detachAppender(seen);
        }
        assertThat(seen.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "work 'rollout-wave@c2' belongs to zone c2, which this node does not reach: left to the nodes of c2",
                "work 'rollout-wave@c3' belongs to zone c3, which this node does not reach: left to the nodes of c3");
    }

    @Test
    void theServersLogConfigurationInstallsIt() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ForeignZoneWork.class.getResource("/logback.xml"));
        List<Class<?>> filters = context.getTurboFilterList().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(filters).contains(ForeignZoneWork.class);
    }
}
