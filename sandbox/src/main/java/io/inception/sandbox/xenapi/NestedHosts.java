package io.inception.sandbox.xenapi;

/** Starts and stops the XenAPI endpoint of a VM that runs XenServer with nested virtualisation. */
interface NestedHosts {
    /** Starts the nested host of {@code vm}; returns its address ("127.0.0.1:port"). */
    String start(String vmRef, String name, long memoryBytes, int cpus);

    void stop(String vmRef);
}
