package io.inception.puppet.apply;

import io.inception.engine.fleet.SshFleet;
import io.inception.puppet.manifests.ManifestTree;
import io.inception.puppet.node.HieraRenderer;
import io.inception.puppet.node.PuppetNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies one manifest commit to many nodes: each node gets its own bundle (classification and
 * Hiera), at most {@code parallel} nodes run at once, and every finished host is reported to a
 * progress callback. {@link #applyOne} is the per-host step a rollout can call for a compute host.
 */
public final class PuppetApplier {
    private final ManifestTree tree;
    private final HieraRenderer renderer;
    private final Map<String, Object> buildHiera;
    private final PuppetRunner runner;

    /**
     * @param buildHiera Hiera values of the build ({@code inception::build::version}, {@code ::apt_source}, {@code ::id})
     */
    public PuppetApplier(ManifestTree tree, HieraRenderer renderer, Map<String, Object> buildHiera, SshFleet fleet, Duration timeout) {
        this.tree = tree;
        this.renderer = renderer;
        this.buildHiera = Map.copyOf(buildHiera);
        this.runner = new PuppetRunner(fleet, timeout);
    }

    /** Applies the manifests to one node (e.g. a compute host in the rollout's per-host steps). */
    public HostApply applyOne(PuppetNode node) {
        return runner.apply(renderer.bundle(node, tree, buildHiera));
    }

    /** Runs one node in noop mode. */
    public PuppetDrift driftOne(PuppetNode node) {
        return runner.drift(renderer.bundle(node, tree, buildHiera));
    }

    /** Applies to every node, {@code parallel} at a time, in the order given. */
    public List<HostApply> apply(List<PuppetNode> nodes, int parallel, Consumer<HostApply> progress) {
        return each(nodes, parallel, this::applyOne, progress);
    }

    /** Applies (or, with {@code noop}, checks) every node; a noop result's {@code outOfSync} is its drift. */
    public List<HostApply> run(List<PuppetNode> nodes, boolean noop, int parallel, Consumer<HostApply> progress) {
        return each(nodes, parallel, n -> runner.run(renderer.bundle(n, tree, buildHiera), noop), progress);
    }

    /** Noop runs on every node. */
    public List<PuppetDrift> drift(List<PuppetNode> nodes, int parallel, Consumer<PuppetDrift> progress) {
        return each(nodes, parallel, this::driftOne, progress);
    }

    private static <T> List<T> each(List<PuppetNode> nodes, int parallel, Function<PuppetNode, T> work, Consumer<T> progress) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, nodes.size())), r -> {
            Thread t = new Thread(r, "puppet-apply");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (PuppetNode node : nodes) {
                futures.add(pool.submit(() -> {
                    T result = work.apply(node);
                    synchronized (progress) {
                        progress.accept(result);
                    }
                    return result;
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) results.add(f.get());
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while applying Puppet", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
