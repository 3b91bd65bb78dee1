package io.inception.engine.executor;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Who holds a run lock: one executor instance in one process on one host. */
record Owner(String id, long pid, String host) {
    static Owner current(String id) {
        return new Owner(id, ProcessHandle.current().pid(), hostName());
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
