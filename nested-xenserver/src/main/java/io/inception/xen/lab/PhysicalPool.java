package io.inception.xen.lab;

import io.inception.engine.merge.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * A physical XenServer pool labs may be placed on: its name (as lab templates name it), the URL of
 * its master, its credentials, and the cluster zone whose nodes reach it (empty: any node). Nested
 * hosts of a lab are given the same credentials.
 */
public record PhysicalPool(String name, String url, String username, Secret password, Optional<String> zone) {
    public PhysicalPool {
        Objects.requireNonNull(zone, "zone");
    }

    /** A pool any node reaches. */
    public PhysicalPool(String name, String url, String username, Secret password) {
        this(name, url, username, password, Optional.empty());
    }
}
