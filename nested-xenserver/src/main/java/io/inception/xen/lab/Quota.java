package io.inception.xen.lab;

/** How much one user may hold at once: labs, RAM (bytes) and nested hosts. */
public record Quota(int maxLabs, long maxMemoryBytes, int maxHosts) {
    /** 3 labs, 96 GiB, 9 hosts. */
    public static Quota defaults() {
        return new Quota(3, 96L << 30, 9);
    }
}
