package io.inception.app.puppet;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshFleet;
import io.inception.puppet.apply.PuppetApplier;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.config.PuppetSection;
import io.inception.puppet.manifests.ManifestSource;
import io.inception.puppet.manifests.ManifestTree;
import io.inception.puppet.node.Classification;
import io.inception.puppet.node.Credentials;
import io.inception.puppet.node.HieraRenderer;
import io.inception.puppet.node.PuppetNode;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a Puppet command works on: an environment's manifests pinned to a commit and its hosts
 * classified. Shared by {@code inception puppet} and the demo.
 *
 * @param config the environment's {@code puppet:} section
 * @param tree   the manifests at the pinned commit
 * @param nodes  the hosts with at least one role, and their classes
 */
public record PuppetPlan(EnvironmentFile environment, PuppetConfig config, ManifestTree tree, List<PuppetNode> nodes) {
    /**
     * @param sourceRoot  the repository the manifests come from when the section names none (this project)
     * @param ref         a manifest ref or commit instead of the section's; null = the section's ({@code HEAD} of sourceRoot)
     * @param role        only hosts with {@code role::<role>}; null = all
     */
    public static PuppetPlan prepare(EnvironmentFile env, List<HostTarget> hosts, Path sourceRoot, Path cacheDir,
                                     String ref, String role) {
        PuppetConfig config = env.section(new PuppetSection()).orElseThrow(() -> new IllegalArgumentException(
                "environment " + env.name() + " (" + env.source() + ") has no puppet: section"));
        String effectiveRef = ref != null ? ref : config.repo().isEmpty() ? "HEAD" : null;
        ManifestTree tree = new ManifestSource(cacheDir).read(config, sourceRoot.toString(), null, effectiveRef);
        Set<String> compute = env.hosts().stream().map(EnvironmentFile.Host::name).collect(Collectors.toSet());
        List<PuppetNode> nodes = Classification.classify(config, hosts, compute).stream()
                .filter(n -> role == null || n.classes().contains("role::" + role)).toList();
        if (role != null && config.roles().stream().noneMatch(r -> r.role().equals(role))) {
            throw new IllegalArgumentException("environment " + env.name() + " has no role '" + role + "'; its roles: "
                    + config.roles().stream().map(PuppetConfig.RoleAssignment::role).toList());
        }
        return new PuppetPlan(env, config, tree, nodes);
    }

    /** An applier over {@code fleet}; secrets are read from the process environment or files now. */
    public PuppetApplier applier(SshFleet fleet, Map<String, Object> buildHiera, Duration timeout) {
        return new PuppetApplier(tree, new HieraRenderer(config, Credentials.fromProcess(environment.credentials())),
                buildHiera, fleet, timeout);
    }
}
