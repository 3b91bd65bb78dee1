package io.inception.engine.executor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who holds a run lock: one executor instance in one process on one host. */
record Owner(String id, long pid, String host) {
    private static final java.util.concurrent.atomic.AtomicLong INSTANCES = new java.util.concurrent.atomic.AtomicLong();

    /** An owner unique across processes (pid) and within this one (a counter), whatever {@code name} is. */
    static Owner current(String name) {
        long pid = ProcessHandle.current().pid();
        return new Owner(name + "/" + pid + "." + INSTANCES.incrementAndGet(), pid, hostName());
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) return env;
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
