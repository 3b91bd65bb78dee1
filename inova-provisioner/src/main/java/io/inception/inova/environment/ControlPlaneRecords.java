package io.inception.inova.environment;

import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.store.EnvironmentResource;
import io.inception.engine.store.EnvironmentResources;
import io.inception.inova.provision.ControlPlane;
import io.inception.inova.provision.ProvisionedServer;
import io.inception.inova.spec.ControlPlaneSection;
import io.inception.inova.spec.ControlPlaneSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The control plane as stored with the environment: its servers and addresses ({@code server}),
 * cells added with {@code env add-cell} ({@code cell}) and role counts set by {@code env scale}
 * ({@code role-count}), plus the record of changes.
 */
public final class ControlPlaneRecords {
    public static final String SERVER = "server";
    public static final String CELL = "cell";
    public static final String ROLE_COUNT = "role-count";

    private final EnvironmentResources resources;

    public ControlPlaneRecords(EnvironmentResources resources) {
        this.resources = resources;
    }

    /** The control plane {@code env} should have: its file's section, its cells plus added ones, scaled counts. */
    public Optional<ControlPlane> plane(EnvironmentFile env) {
        Optional<ControlPlaneSpec> spec = env.section(new ControlPlaneSection());
        return spec.map(s -> plane(env, s));
    }

    /** The same with a given spec (e.g. the sandbox endpoint filled in). */
    public ControlPlane plane(EnvironmentFile env, ControlPlaneSpec spec) {
        List<String> cells = new ArrayList<>(env.cells().stream().map(c -> c.name()).toList());
        for (EnvironmentResource r : resources.list(env.name(), CELL)) if (!cells.contains(r.name())) cells.add(r.name());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EnvironmentResource r : resources.list(env.name(), ROLE_COUNT)) {
            counts.put(r.name(), Integer.parseInt(r.attributes().getOrDefault("count", "1")));
        }
        return new ControlPlane(env.name(), spec, cells, counts);
    }

    /** Stores the servers of the environment's control plane (replacing the previous list). */
    public void servers(String env, List<ProvisionedServer> servers) {
        resources.replace(env, SERVER, servers.stream().map(s -> EnvironmentResource.of(env, SERVER, s.name(), s.role(),
                s.cell(), s.address(), Map.of("id", s.id(), "build", s.build(), "status", s.status()))).toList());
    }

    /** The stored servers. */
    public List<EnvironmentResource> servers(String env) {
        return resources.list(env, SERVER);
    }

    /** Records a cell added to the environment. */
    public void addCell(String env, String cell) {
        resources.put(EnvironmentResource.of(env, CELL, cell, "", cell, "", Map.of("added-by", "env add-cell")));
    }

    /** Records the count of {@code role} in {@code cell}. */
    public void roleCount(String env, String cell, String role, int count) {
        resources.put(EnvironmentResource.of(env, ROLE_COUNT, cell + "/" + role, role, cell, "",
                Map.of("count", String.valueOf(count))));
    }

    /** Records a change. */
    public void event(String env, String kind, String message) {
        resources.record(env, kind, message);
    }

    /** The store underneath. */
    public EnvironmentResources resources() {
        return resources;
    }
}
