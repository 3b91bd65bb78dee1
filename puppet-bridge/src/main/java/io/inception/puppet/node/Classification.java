package io.inception.puppet.node;

import io.inception.engine.fleet.HostTarget;
import io.inception.puppet.config.PuppetConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which roles each host gets, from the environment's {@code puppet.roles}: a control host by its
 * name, a compute host (one of the environment's cells) by {@code compute: true}; {@code cell:}
 * narrows a role to the hosts of one cell.
 */
public final class Classification {
    private Classification() {
    }

    /**
     * The nodes among {@code hosts} that have at least one role.
     *
     * @param computeHosts names of the environment's compute hosts (those of its cells)
     */
    public static List<PuppetNode> classify(PuppetConfig config, List<HostTarget> hosts, Set<String> computeHosts) {
        List<PuppetNode> nodes = new ArrayList<>();
        for (HostTarget host : hosts) {
            List<String> classes = new ArrayList<>();
            for (PuppetConfig.RoleAssignment role : config.roles()) {
                boolean named = role.compute() ? computeHosts.contains(host.name()) : role.hosts().contains(host.name());
                boolean inCell = role.cell().map(c -> c.equals(host.cell())).orElse(true);
                if (named && inCell && !classes.contains(role.puppetClass())) classes.add(role.puppetClass());
            }
            if (!classes.isEmpty()) nodes.add(new PuppetNode(host, classes));
        }
        return nodes;
    }
}
