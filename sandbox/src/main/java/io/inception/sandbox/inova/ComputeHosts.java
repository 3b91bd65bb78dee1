package io.inception.sandbox.inova;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Nova's services: a scheduler and a conductor on the control host, and one nova-compute per
 * hypervisor host, which the scheduler places servers on while it is enabled and up.
 * Guarded by the {@link Nova} lock.
 */
final class ComputeHosts {
    static final String CONTROL_HOST = "inova-control";

    /** One row of {@code os-services}. */
    static final class Service {
        final int id;
        final String uuid;
        final String binary;
        final String host;
        final String zone;
        boolean disabled;
        String disabledReason;
        boolean forcedDown;
        boolean down;
        Instant updatedAt;

        Service(int id, String uuid, String binary, String host, String zone, Instant updatedAt) {
            this.id = id;
            this.uuid = uuid;
            this.binary = binary;
            this.host = host;
            this.zone = zone;
            this.updatedAt = updatedAt;
        }

        boolean up() {
            return !down && !forcedDown;
        }

        /**
         * When the service last reported: a live service reports every 10 s as nova-compute does,
         * so its {@code updated_at} keeps moving; a down one stays at its last report.
         */
        Instant lastReport(Instant now) {
            if (down) {
                return updatedAt;
            }
            Instant tick = Instant.ofEpochSecond(now.getEpochSecond() - Math.floorMod(now.getEpochSecond(), 10));
            return tick.isAfter(updatedAt) ? tick : updatedAt;
        }
    }

    private final List<Service> services = new ArrayList<>();
    private final int vcpus;
    private final int ramMb;

    ComputeHosts(InovaSpec spec, Ids ids, Instant now) {
        services.add(new Service(1, ids.uuid(), "nova-scheduler", CONTROL_HOST, "internal", now));
        services.add(new Service(2, ids.uuid(), "nova-conductor", CONTROL_HOST, "internal", now));
        int n = 3;
        for (String h : spec.computeHosts()) {
            services.add(new Service(n++, ids.uuid(), "nova-compute", h, "nova", now));
        }
        this.vcpus = spec.capacity().vcpusPerHost();
        this.ramMb = spec.capacity().ramMbPerHost();
    }

    List<Service> all() {
        return services;
    }

    List<Service> computes() {
        return services.stream().filter(s -> s.binary.equals("nova-compute")).toList();
    }

    Optional<Service> byId(String id) {
        return services.stream().filter(s -> s.uuid.equals(id) || Integer.toString(s.id).equals(id)).findFirst();
    }

    Optional<Service> byHostAndBinary(String host, String binary) {
        return services.stream().filter(s -> s.host.equals(host) && s.binary.equals(binary)).findFirst();
    }

    /** Hosts the scheduler may use: nova-compute enabled and up. */
    List<String> schedulable() {
        List<String> out = new ArrayList<>();
        computes().stream().filter(s -> !s.disabled && s.up()).forEach(s -> out.add(s.host));
        return out;
    }

    int vcpus() {
        return vcpus;
    }

    int ramMb() {
        return ramMb;
    }
}
