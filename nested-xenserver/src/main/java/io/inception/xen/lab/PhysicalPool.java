package io.inception.xen.lab;

import io.inception.engine.merge.Secret;

/**
 * A physical XenServer pool labs may be placed on: its name (as lab templates name it), the URL of
 * its master and its credentials. Nested hosts of a lab are given the same credentials.
 */
public record PhysicalPool(String name, String url, String username, Secret password) {
}
