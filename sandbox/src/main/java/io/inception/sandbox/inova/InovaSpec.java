package io.inception.sandbox.inova;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What one simulated iNova cloud holds at start: its users, flavors, images, hypervisor hosts,
 * quota, per-host capacity, how long a server takes to boot, how long a token lives, and the
 * clock everything is measured against. Immutable; {@code withX} returns a changed copy.
 *
 * <p>{@link #defaults()}: one user {@code inception} (random password) in project {@code inception}
 * of domain {@code Default}; flavors m1.tiny … m1.xlarge (ids 1–5); one active image
 * {@code debian-12}; three compute hosts {@code inova-compute-1..3} of 32 vCPUs and 64 GiB each;
 * quota 20 instances, 40 cores, 80 GiB RAM; boot 500 ms; tokens 1 h; region {@code RegionOne}.
 */
public record InovaSpec(List<User> users, List<Flavor> flavors, List<Image> images, List<String> computeHosts,
                        Quota quota, Capacity capacity, Duration bootDelay, Duration tokenLifetime, String region,
                        Clock clock, long seed) {

    /** A Keystone user with its (only) project; both in {@code domain}. The password is sandbox data. */
    public record User(String name, String password, String project, String domain) {
        @Override
        public String toString() {
            return "User[" + name + "@" + project + "/" + domain + ", password=***]";
        }
    }

    /** A Nova flavor: id, name, vCPUs, RAM in MiB, root disk in GiB. */
    public record Flavor(String id, String name, int vcpus, int ramMb, int diskGb) {
    }

    /** A Glance image present at start (active, public, qcow2). */
    public record Image(String name, long sizeBytes) {
    }

    /** Per-project limits: instances, vCPUs, RAM in MiB (Nova's {@code instances}, {@code cores}, {@code ram}). */
    public record Quota(int instances, int cores, int ramMb) {
    }

    /** What one hypervisor host offers to guests. */
    public record Capacity(int vcpusPerHost, int ramMbPerHost) {
    }

    public InovaSpec {
        users = List.copyOf(users);
        flavors = List.copyOf(flavors);
        images = List.copyOf(images);
        computeHosts = List.copyOf(computeHosts);
        if (users.isEmpty()) {
            throw new IllegalArgumentException("an iNova cloud needs at least one user");
        }
        if (bootDelay.isNegative() || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
            throw new IllegalArgumentException("boot delay must be >= 0 and token lifetime > 0");
        }
    }

    public static InovaSpec defaults() {
        byte[] pw = new byte[12];
        new SecureRandom().nextBytes(pw);
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            hosts.add("inova-compute-" + i);
        }
        return new InovaSpec(
                List.of(new User("inception", "sandbox-" + HexFormat.of().formatHex(pw), "inception", "Default")),
                List.of(new Flavor("1", "m1.tiny", 1, 512, 1), new Flavor("2", "m1.small", 1, 2048, 20),
                        new Flavor("3", "m1.medium", 2, 4096, 40), new Flavor("4", "m1.large", 4, 8192, 80),
                        new Flavor("5", "m1.xlarge", 8, 16384, 160)),
                List.of(new Image("debian-12", 347_603_456L)), hosts, new Quota(20, 40, 80 * 1024),
                new Capacity(32, 64 * 1024), Duration.ofMillis(500), Duration.ofHours(1), "RegionOne",
                Clock.systemUTC(), 42);
    }

    /** The first user: the one {@link InovaSimulator#username()} reports. */
    public User admin() {
        return users.get(0);
    }

    public InovaSpec withUsers(List<User> v) {
        return new InovaSpec(v, flavors, images, computeHosts, quota, capacity, bootDelay, tokenLifetime, region,
                clock, seed);
    }

    /** Replaces the first user's password (e.g. a fixed one for a demo). */
    public InovaSpec withPassword(String password) {
        List<User> v = new ArrayList<>(users);
        User u = v.get(0);
        v.set(0, new User(u.name(), password, u.project(), u.domain()));
        return withUsers(v);
    }

    public InovaSpec withFlavors(List<Flavor> v) {
        return new InovaSpec(users, v, images, computeHosts, quota, capacity, bootDelay, tokenLifetime, region,
                clock, seed);
    }

    public InovaSpec withImages(List<Image> v) {
        return new InovaSpec(users, flavors, v, computeHosts, quota, capacity, bootDelay, tokenLifetime, region,
                clock, seed);
    }

    /** Hypervisor host names: each gets a nova-compute service in {@code os-services}. */
    public InovaSpec withComputeHosts(List<String> v) {
        return new InovaSpec(users, flavors, images, v, quota, capacity, bootDelay, tokenLifetime, region, clock,
                seed);
    }

    public InovaSpec withQuota(Quota v) {
        return new InovaSpec(users, flavors, images, computeHosts, v, capacity, bootDelay, tokenLifetime, region,
                clock, seed);
    }

    public InovaSpec withCapacity(Capacity v) {
        return new InovaSpec(users, flavors, images, computeHosts, quota, v, bootDelay, tokenLifetime, region, clock,
                seed);
    }

    /** How long a new server stays in BUILD before it is ACTIVE (measured on {@link #clock()}). */
    public InovaSpec withBootDelay(Duration v) {
        return new InovaSpec(users, flavors, images, computeHosts, quota, capacity, v, tokenLifetime, region, clock,
                seed);
    }

    public InovaSpec withTokenLifetime(Duration v) {
        return new InovaSpec(users, flavors, images, computeHosts, quota, capacity, bootDelay, v, region, clock,
                seed);
    }

    public InovaSpec withRegion(String v) {
        return new InovaSpec(users, flavors, images, computeHosts, quota, capacity, bootDelay, tokenLifetime, v,
                clock, seed);
    }

    /** The clock of boots, token expiry and timestamps (a test may move it by hand). */
    public InovaSpec withClock(Clock v) {
        return new InovaSpec(users, flavors, images, computeHosts, quota, capacity, bootDelay, tokenLifetime, region,
                v, seed);
    }

    /** Seed of the ids (UUIDs) the cloud makes; tokens and passwords are random regardless. */
    public InovaSpec withSeed(long v) {
        return new InovaSpec(users, flavors, images, computeHosts, quota, capacity, bootDelay, tokenLifetime, region,
                clock, v);
    }
}
