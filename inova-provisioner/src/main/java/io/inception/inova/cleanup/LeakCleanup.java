package io.inception.inova.cleanup;

import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.Slot;
import io.inception.inova.provision.Tags;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds servers Inception made ({@code inception:env} metadata) that no environment claims — an
 * environment that no longer exists, a cell or role it no longer has — and deletes those older
 * than the grace period (younger ones may belong to a provision under way). Dry run reports only.
 */
public final class LeakCleanup {
    /** The default grace period. */
    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);

    private final Cloud cloud;
    private final Clock clock;

    public LeakCleanup(Cloud cloud, Clock clock) {
        this.cloud = cloud;
        this.clock = clock;
    }

    /** What happened to one leaked server. */
    public enum Action { DELETED, WOULD_DELETE, IN_GRACE }

    /**
     * A leaked server.
     *
     * @param name        server name
     * @param id          server UUID
     * @param environment its {@code inception:env}
     * @param age         how long since it was created
     * @param why         why no environment claims it
     * @param action      what cleanup did
     */
    public record Leak(String name, String id, String environment, Duration age, String why, Action action) {
    }

    /** Checks every tagged server against {@code planes} (the environments that exist). */
    public List<Leak> run(List<ControlPlane> planes, Duration grace, boolean dryRun) {
        List<Leak> out = new ArrayList<>();
        for (CloudServer s : cloud.servers("")) {
            if (!Tags.managed(s) || s.goingAway()) continue;
            Optional<String> why = unclaimed(s, planes);
            if (why.isEmpty()) continue;
            Duration age = Duration.between(s.created(), clock.instant());
            Action action;
            if (age.compareTo(grace) < 0) action = Action.IN_GRACE;
            else if (dryRun) action = Action.WOULD_DELETE;
            else {
                cloud.delete(s.id());
                action = Action.DELETED;
            }
            out.add(new Leak(s.name(), s.id(), s.meta(Tags.ENV).orElse(""), age, why.get(), action));
        }
        return out;
    }

    private static Optional<String> unclaimed(CloudServer s, List<ControlPlane> planes) {
        String env = s.meta(Tags.ENV).orElse("");
        Optional<ControlPlane> plane = planes.stream().filter(p -> p.environment().equals(env)).findFirst();
        if (plane.isEmpty()) return Optional.of("no environment '" + env + "' has a control plane");
        String cell = s.meta(Tags.CELL).orElse("");
        String role = s.meta(Tags.ROLE).orElse("");
        boolean claimed = plane.get().slots().stream().map(Slot::label).anyMatch((cell + "/" + role)::equals);
        return claimed ? Optional.empty() : Optional.of("environment '" + env + "' has no role '" + role + "' in cell '" + cell + "'");
    }
}
