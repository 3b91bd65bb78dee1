package io.inception.inova.provision;

import io.inception.engine.stage.CheckpointStore;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.cloud.CloudServer;
import io.inception.inova.cloud.CreateOutcome;
import io.inception.inova.cloud.ServerRequest;
import io.inception.inova.cloud.ServerStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Brings one slot to its count: deletes members in ERROR or past their boot timeout (each a failed
 * launch, counted in the checkpoints), and launches what is missing, under the role's launch
 * retries. Servers it creates are recorded ({@code created:<id>}) so a quota failure can remove them.
 */
final class SlotLauncher {
    private final Cloud cloud;
    private final Clock clock;
    private final CheckpointStore state;
    private final String env;
    private final String build;
    private final References refs;
    private final Consumer<String> log;

    SlotLauncher(Cloud cloud, Clock clock, CheckpointStore state, String env, String build, References refs,
                 Consumer<String> log) {
        this.cloud = cloud;
        this.clock = clock;
        this.state = state;
        this.env = env;
        this.build = build;
        this.refs = refs;
        this.log = log;
    }

    /** Where a slot stands after one pass. */
    record SlotStatus(Slot slot, List<CloudServer> active, int building, int deleted, int created, String failure,
                      CreateOutcome.Refused refused) {
        boolean done() {
            return failure == null && refused == null && building == 0 && active.size() >= slot.role().count();
        }
    }

    /** Deletes failed members of {@code slot} and launches missing ones; returns where the slot stands. */
    SlotStatus reconcile(Slot slot, List<CloudServer> all, Predicate<CloudServer> member, String failureKey) {
        List<CloudServer> members = all.stream().filter(s -> Tags.in(s, env, slot) && !s.goingAway() && member.test(s)).toList();
        int failures = state.get(failureKey).map(Integer::parseInt).orElse(0);
        List<CloudServer> active = new ArrayList<>();
        int building = 0;
        int deleted = 0;
        String lastFailure = state.get(failureKey + ":last").orElse("");
        for (CloudServer s : members) {
            Optional<String> problem = launchProblem(slot, s);
            if (problem.isPresent()) {
                cloud.delete(s.id());
                deleted++;
                failures++;
                lastFailure = s.name() + ": " + problem.get();
                state.put(failureKey, String.valueOf(failures));
                state.put(failureKey + ":last", lastFailure);
                log.accept(slot.label() + ": " + lastFailure + "; deleted (failed launch " + failures + " of at most "
                        + (slot.role().launchRetries() + 1) + ")");
            } else if (s.status() == ServerStatus.ACTIVE) {
                active.add(s);
            } else {
                building++;
            }
        }
        if (failures > slot.role().launchRetries()) {
            return new SlotStatus(slot, active, building, deleted, 0, slot.label() + ": " + failures
                    + " launches failed (launch-retries " + slot.role().launchRetries() + "); last: " + lastFailure, null);
        }
        int missing = slot.role().count() - active.size() - building;
        int created = 0;
        Set<Integer> used = new HashSet<>();
        all.stream().map(s -> slot.ordinal(env, s.name())).forEach(used::add);
        String group = slot.role().antiAffinity().map(g -> groupName(slot, g, all, members)).orElse(null);
        for (int i = 0; i < missing; i++) {
            int n = 1;
            while (used.contains(n)) n++;
            used.add(n);
            Launch launch = launch(slot, slot.serverName(env, n), group);
            if (launch.refused != null) {
                return new SlotStatus(slot, active, building, deleted, created, launch.problem, launch.refused);
            }
            if (launch.problem != null) return new SlotStatus(slot, active, building, deleted, created, launch.problem, null);
            created++;
            building++;
        }
        return new SlotStatus(slot, active, building, deleted, created, null, null);
    }

    private record Launch(String problem, CreateOutcome.Refused refused) {
    }

    /**
     * The server group new members join: the one the members are in; else the role's group, or its
     * second generation when the other servers of the slot (the old ones of a blue/green replace)
     * hold the first, so old and new need not fit on distinct hosts together.
     */
    private String groupName(Slot slot, String base, List<CloudServer> all, List<CloudServer> members) {
        Optional<String> current = members.stream().map(s -> s.meta(Tags.GROUP)).flatMap(Optional::stream).findFirst();
        if (current.isPresent()) return current.get();
        String first = env + "-" + slot.cell() + "-" + base;
        boolean taken = all.stream().anyMatch(s -> Tags.in(s, env, slot) && !s.goingAway() && !members.contains(s)
                && s.meta(Tags.GROUP).filter(first::equals).isPresent());
        return taken ? first + "-2" : first;
    }

    private Launch launch(Slot slot, String name, String groupName) {
        References.Resolved flavor = refs.flavor(slot.role().flavor());
        if (!flavor.found()) return new Launch(slot.label() + ": " + flavor.problem(), null);
        References.Resolved image = refs.image(slot.role().image());
        if (!image.found()) return new Launch(slot.label() + ": " + image.problem(), null);
        References.Resolved key = refs.keyPair();
        if (!key.found()) return new Launch(slot.label() + ": " + key.problem(), null);
        Optional<String> group = Optional.ofNullable(groupName).map(refs::group);
        ServerRequest request = new ServerRequest(name, flavor.id(), image.id(), Tags.of(env, slot, build, groupName), group,
                Optional.of(key.id()).filter(k -> !k.isEmpty()));
        state.put("launching:" + name, build);
        CreateOutcome outcome = cloud.create(request);
        if (outcome instanceof CreateOutcome.Refused r) {
            String why = slot.label() + ": iNova refused to boot " + name + " (HTTP " + r.status() + "): " + r.reason();
            return new Launch(why, r);
        }
        String id = ((CreateOutcome.Created) outcome).serverId();
        state.put("created:" + id, name);
        log.accept(slot.label() + ": launched " + name);
        return new Launch(null, null);
    }

    private Optional<String> launchProblem(Slot slot, CloudServer s) {
        if (s.status() == ServerStatus.ERROR) return Optional.of("ERROR" + s.fault().map(f -> " (" + f + ")").orElse(""));
        if (s.status() == ServerStatus.BUILD && s.created().plus(slot.role().bootTimeout()).isBefore(clock.instant())) {
            return Optional.of("still BUILD after the boot timeout of " + slot.role().bootTimeout().toSeconds() + " s");
        }
        return Optional.empty();
    }
}
