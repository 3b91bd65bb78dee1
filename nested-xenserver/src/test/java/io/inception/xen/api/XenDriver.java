package io.inception.xen.api;

import java.util.List;

/** The scenario's view of a XenAPI client, so that Inception's client and the official SDK run the same steps. */
interface XenDriver extends AutoCloseable {
    /** A failure as the wire carried it: the code and its parameters. */
    final class Failure extends RuntimeException {
        final List<String> description;

        Failure(List<String> description) {
            super(String.valueOf(description));
            this.description = List.copyOf(description);
        }
    }

    String installFromTemplate(String template, String name);

    void start(String vm);

    String powerState(String vm);

    String guestIp(String vm);

    String snapshot(String vm, String name);

    void revert(String snapshot);

    void cleanShutdown(String vm);

    void destroy(String vm);

    @Override
    void close();
}
