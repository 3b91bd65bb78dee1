package io.inception.puppet.node;

import io.inception.engine.fleet.HostTarget;

import java.util.List;

/**
 * A host to configure and the Puppet classes it gets (its classification).
 *
 * @param host    where to apply (name, cell, SSH address)
 * @param classes {@code role::<role>} classes, in the order the environment lists the roles
 */
public record PuppetNode(HostTarget host, List<String> classes) {
    public PuppetNode {
        classes = List.copyOf(classes);
    }
}
