package io.inception.sandbox.inova;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Nova server; mutable, guarded by the {@link Nova} lock. Its state advances with the clock. */
final class Server {
    /** A server fault as Nova records it. */
    record Fault(int code, String message, String details, Instant created) {
    }

    /** What a build ends in once its delay is over. */
    enum Outcome { ACTIVE, ERROR, NEVER }

    final String id;
    final String name;
    final String projectId;
    final String userId;
    final InovaSpec.Flavor flavor;
    final String imageId;
    final String keyName;
    final String groupId;
    final String description;
    final String reservationId;
    final int launchIndex;
    final Instant createdAt;
    /** Creation order, which breaks ties between servers created at the same instant. */
    final long seq;
    final Map<String, String> metadata = new LinkedHashMap<>();
    String displayName;
    String status = "BUILD";
    String host;
    String address;
    Instant updatedAt;
    Instant launchedAt;
    Fault fault;
    Outcome outcome = Outcome.ACTIVE;
    Fault pendingFault;
    Instant buildEndsAt;
    Instant diesAt;
    String diesTo;
    Fault deathFault;

    Server(String id, String name, String projectId, String userId, InovaSpec.Flavor flavor, String imageId,
           String keyName, String groupId, String description, String reservationId, int launchIndex,
           Instant createdAt, long seq) {
        this.id = id;
        this.name = name;
        this.displayName = name;
        this.projectId = projectId;
        this.userId = userId;
        this.flavor = flavor;
        this.imageId = imageId;
        this.keyName = keyName;
        this.groupId = groupId;
        this.description = description;
        this.reservationId = reservationId;
        this.launchIndex = launchIndex;
        this.createdAt = createdAt;
        this.seq = seq;
        this.updatedAt = createdAt;
    }

    /** Applies what the clock says has happened by {@code now}: the build ending, a scheduled death. */
    void advance(Instant now) {
        if (status.equals("BUILD") && outcome != Outcome.NEVER && !now.isBefore(buildEndsAt)) {
            updatedAt = buildEndsAt;
            if (outcome == Outcome.ACTIVE) {
                status = "ACTIVE";
                launchedAt = buildEndsAt;
            } else {
                status = "ERROR";
                fault = pendingFault;
                host = null;
                address = null;
            }
        }
        if (diesAt != null && status.equals("ACTIVE") && !now.isBefore(diesAt)) {
            die(diesTo, deathFault, diesAt);
        }
    }

    void die(String to, Fault why, Instant at) {
        status = to;
        updatedAt = at;
        diesAt = null;
        if (to.equals("ERROR")) {
            fault = why;
        }
    }

    /** Whether the server holds vCPUs and RAM on its host. */
    boolean placed() {
        return host != null;
    }

    String vmState() {
        return switch (status) {
            case "BUILD" -> "building";
            case "ACTIVE" -> "active";
            case "SHUTOFF" -> "stopped";
            default -> "error";
        };
    }

    /** Nova's power_state numbers: 0 NOSTATE, 1 RUNNING, 4 SHUTDOWN. */
    int powerState() {
        return switch (status) {
            case "ACTIVE" -> 1;
            case "SHUTOFF" -> 4;
            default -> 0;
        };
    }
}
