package io.inception.sandbox.inova;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Nova's state and rules: servers and their lifecycle, quota, placement on hypervisor hosts
 * (capacity, enabled services, server-group policies), server groups and services. One lock.
 */
final class Nova {
    /** What {@code POST /servers} asks for, already parsed and checked for shape. */
    record BootRequest(String name, InovaSpec.Flavor flavor, String imageId, String keyName,
                       Map<String, String> metadata, String groupId, int minCount, int maxCount, String projectId,
                       String userId, String description) {
    }

    static final String NO_VALID_HOST = "No valid host was found. There are not enough hosts available.";
    static final int GROUP_MEMBERS_QUOTA = 10;
    static final int GROUPS_QUOTA = 10;

    private final Clock clock;
    private final Duration bootDelay;
    private final InovaSpec.Quota quota;
    private final Ids ids;
    private final InovaFaults faults;
    private final ComputeHosts hosts;
    private final Map<String, Server> servers = new LinkedHashMap<>();
    private final Map<String, ServerGroup> groups = new LinkedHashMap<>();
    private int addresses;
    private long created;
    /** Reachable servers by id: the name and address they were announced with. */
    private final Map<String, String[]> reachable = new LinkedHashMap<>();
    private ServerReachability reachability = ServerReachability.NONE;

    Nova(InovaSpec spec, Ids ids, InovaFaults faults) {
        this.clock = spec.clock();
        this.bootDelay = spec.bootDelay();
        this.quota = spec.quota();
        this.ids = ids;
        this.faults = faults;
        this.hosts = new ComputeHosts(spec, ids, clock.instant());
        faults.attach(this);
    }

    Instant now() {
        return clock.instant();
    }

    /** The quota in force (an injected override, else the spec's). */
    InovaSpec.Quota quota() {
        return faults.quota().orElse(quota);
    }

    /** Who learns when a server becomes reachable (ACTIVE with an address) and when it stops being so. */
    synchronized void reachability(ServerReachability r) {
        reachable.values().forEach(was -> reachability.down(was[0], was[1]));
        reachable.clear();
        reachability = r;
        syncReachable();
    }

    private void syncReachable() {
        for (var it = reachable.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            Server s = servers.get(e.getKey());
            if (s == null || !s.status.equals("ACTIVE") || s.address == null) {
                it.remove();
                reachability.down(e.getValue()[0], e.getValue()[1]);
            }
        }
        for (Server s : servers.values()) {
            if (s.status.equals("ACTIVE") && s.address != null && !reachable.containsKey(s.id)) {
                reachable.put(s.id, new String[] {s.displayName, s.address});
                reachability.up(s.displayName, s.address);
            }
        }
    }

    private void advanceAll() {
        Instant now = clock.instant();
        servers.values().forEach(s -> s.advance(now));
        syncReachable();
    }

    synchronized List<Server> servers(String projectId) {
        Instant now = clock.instant();
        List<Server> out = new ArrayList<>();
        for (Server s : servers.values()) {
            s.advance(now);
            if (projectId == null || s.projectId.equals(projectId)) {
                out.add(s);
            }
        }
        syncReachable();
        // newest first, as Nova's default sort (created_at desc)
        out.sort(Comparator.comparing((Server s) -> s.createdAt).thenComparingLong(s -> s.seq).reversed());
        return out;
    }

    synchronized Server server(String id) {
        Server s = servers.get(id);
        if (s == null) {
            throw ApiError.novaNotFound("Instance " + id + " could not be found.");
        }
        s.advance(clock.instant());
        syncReachable();
        return s;
    }

    /** Creates between min and max count servers as quota allows (403 below min), placing each. */
    synchronized List<Server> boot(BootRequest r) {
        advanceAll();
        ServerGroup group = null;
        if (r.groupId() != null) {
            group = groups.get(r.groupId());
            if (group == null) {
                throw ApiError.novaBadRequest("Instance group " + r.groupId() + " could not be found.");
            }
            if (group.members.size() + r.minCount() > GROUP_MEMBERS_QUOTA) {
                throw ApiError.nova(403, "Quota exceeded, too many servers in group");
            }
        }
        int count = Math.min(r.maxCount(), allowedCount(r.projectId(), r.flavor(), r.minCount()));
        Instant now = clock.instant();
        String reservation = "r-" + ids.hex().substring(0, 8);
        List<Server> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = count > 1 ? r.name() + "-" + (i + 1) : r.name();
            Server s = new Server(ids.uuid(), name, r.projectId(), r.userId(), r.flavor(), r.imageId(), r.keyName(),
                    r.groupId(), r.description(), reservation, i, now, ++created);
            s.metadata.putAll(r.metadata());
            s.buildEndsAt = now.plus(bootDelay);
            place(s, group);
            Optional<InovaFaults.BootFault> fault = s.outcome == Server.Outcome.ACTIVE
                    ? faults.takeBootFault(name) : Optional.empty();
            fault.ifPresent(f -> {
                if (f.kind() == InovaFaults.BootKind.NEVER) {
                    s.outcome = Server.Outcome.NEVER;
                } else {
                    s.outcome = Server.Outcome.ERROR;
                    s.pendingFault = new Server.Fault(500, f.message(), "injected by the sandbox", s.buildEndsAt);
                }
            });
            servers.put(s.id, s);
            if (group != null) {
                group.members.add(s.id);
            }
            made.add(s);
        }
        return made;
    }

    /** How many servers of this flavor fit in the quota; Nova's 403 when fewer than {@code min}. */
    private int allowedCount(String projectId, InovaSpec.Flavor flavor, int min) {
        InovaSpec.Quota q = quota();
        List<Server> mine = servers.values().stream().filter(s -> s.projectId.equals(projectId)).toList();
        // in the alphabetical order Nova reports the exceeded resources in
        String[] names = {"cores", "instances", "ram"};
        int[] used = {mine.stream().mapToInt(s -> s.flavor.vcpus()).sum(), mine.size(),
                mine.stream().mapToInt(s -> s.flavor.ramMb()).sum()};
        int[] limit = {q.cores(), q.instances(), q.ramMb()};
        int[] per = {flavor.vcpus(), 1, flavor.ramMb()};
        int allowed = Integer.MAX_VALUE;
        List<String> overs = new ArrayList<>();
        List<String> req = new ArrayList<>();
        List<String> usedS = new ArrayList<>();
        List<String> allowedS = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            int fits = per[i] == 0 ? Integer.MAX_VALUE : Math.max(0, (limit[i] - used[i]) / per[i]);
            allowed = Math.min(allowed, fits);
            if (fits < min) {
                overs.add(names[i]);
                req.add(Integer.toString(per[i] * min));
                usedS.add(Integer.toString(used[i]));
                allowedS.add(Integer.toString(limit[i]));
            }
        }
        if (!overs.isEmpty()) {
            String o = String.join(", ", overs);
            throw ApiError.nova(403, "Quota exceeded for " + o + ": Requested " + String.join(", ", req)
                    + ", but already used " + String.join(", ", usedS) + " of " + String.join(", ", allowedS)
                    + " " + o);
        }
        return allowed;
    }

    /** Picks the enabled, up host with the most free RAM that fits and the group allows; else the build fails. */
    private void place(Server s, ServerGroup group) {
        List<String> memberHosts = new ArrayList<>();
        if (group != null) {
            group.members.stream().map(servers::get).filter(m -> m != null && m.placed())
                    .forEach(m -> memberHosts.add(m.host));
        }
        Map<String, int[]> used = new java.util.HashMap<>();
        for (Server o : servers.values()) {
            if (o.host != null) {
                int[] u = used.computeIfAbsent(o.host, h -> new int[2]);
                u[0] += o.flavor.vcpus();
                u[1] += o.flavor.ramMb();
            }
        }
        String best = null;
        int bestFree = -1;
        for (String h : hosts.schedulable()) {
            int[] u = used.getOrDefault(h, new int[2]);
            int freeRam = hosts.ramMb() - u[1];
            boolean fits = hosts.vcpus() - u[0] >= s.flavor.vcpus() && freeRam >= s.flavor.ramMb();
            if (fits && (group == null || group.allows(h, memberHosts)) && freeRam > bestFree) {
                best = h;
                bestFree = freeRam;
            }
        }
        if (best == null) {
            s.outcome = Server.Outcome.ERROR;
            s.pendingFault = new Server.Fault(500, NO_VALID_HOST, "", s.buildEndsAt);
            return;
        }
        s.host = best;
        addresses++;
        s.address = "127.64." + ((addresses - 1) / 250) + "." + ((addresses - 1) % 250 + 1);
    }

    synchronized void delete(String id) {
        Server s = server(id);
        servers.remove(s.id);
        groups.values().forEach(g -> g.members.remove(s.id));
        syncReachable();
    }

    /** os-stop / os-start / reboot; 409 as Nova when the state does not allow it. */
    synchronized void act(String id, String action) {
        Server s = server(id);
        String wanted = switch (action) {
            case "os-stop" -> "ACTIVE";
            case "os-start" -> "SHUTOFF";
            default -> s.status.equals("SHUTOFF") ? "SHUTOFF" : "ACTIVE";
        };
        if (!s.status.equals(wanted)) {
            throw ApiError.nova(409, "Cannot '" + action + "' instance " + s.id + " while it is in vm_state "
                    + s.vmState());
        }
        s.status = action.equals("os-stop") ? "SHUTOFF" : "ACTIVE";
        s.updatedAt = clock.instant();
    }

    synchronized void kill(String nameOrId, String to, Duration after) {
        Server s = servers.get(nameOrId);
        if (s == null) {
            s = servers.values().stream().filter(x -> x.displayName.equals(nameOrId)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no server named or with id " + nameOrId));
        }
        Instant at = clock.instant().plus(after);
        Server.Fault why = new Server.Fault(500, "Instance " + s.id + " could not be reached: its host "
                + s.host + " is down (sandbox fault)", "", at);
        s.advance(clock.instant());
        if (after.isZero()) {
            s.die(to, why, at);
            syncReachable();
        } else {
            s.diesAt = at;
            s.diesTo = to;
            s.deathFault = why;
        }
    }

    synchronized void hostDown(String host, boolean down) {
        ComputeHosts.Service svc = hosts.byHostAndBinary(host, "nova-compute")
                .orElseThrow(() -> new IllegalArgumentException("no compute host " + host));
        if (down && !svc.down) {
            svc.updatedAt = svc.lastReport(clock.instant());
        }
        svc.down = down;
    }

    synchronized ServerGroup createGroup(String name, String policy, int maxPerHost, String projectId, String userId) {
        if (groups.values().stream().filter(g -> g.projectId.equals(projectId)).count() >= GROUPS_QUOTA) {
            throw ApiError.nova(403, "Quota exceeded, too many server groups.");
        }
        ServerGroup g = new ServerGroup(ids.uuid(), name, policy, maxPerHost, projectId, userId);
        groups.put(g.id, g);
        return g;
    }

    synchronized List<ServerGroup> groups(String projectId) {
        return groups.values().stream().filter(g -> projectId == null || g.projectId.equals(projectId)).toList();
    }

    synchronized ServerGroup group(String id) {
        ServerGroup g = groups.get(id);
        if (g == null) {
            throw ApiError.novaNotFound("Instance group " + id + " could not be found.");
        }
        return g;
    }

    synchronized void deleteGroup(String id) {
        groups.remove(group(id).id);
    }

    /** Runs {@code work} on the services under the lock (listing and enabling/disabling them). */
    synchronized <T> T services(java.util.function.Function<ComputeHosts, T> work) {
        return work.apply(hosts);
    }

    /** Copies of what tests and the demo inspect, taken under the lock. */
    synchronized <T> T read(java.util.function.Supplier<T> work) {
        advanceAll();
        return work.get();
    }
}
