package io.inception.app.labs;

import io.inception.engine.merge.Secret;
import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;
import io.inception.xen.lab.PhysicalPool;

import java.util.List;
import java.util.Map;

/**
 * The physical XenServer pool labs and wipes run on, from the environment:
 * {@code INCEPTION_XENAPI_URL}, {@code INCEPTION_XENAPI_USER} (default root) and
 * {@code INCEPTION_XENAPI_PASSWORD} — the password only ever from the environment, never an option —
 * {@code INCEPTION_XENAPI_POOL}: its name as lab templates list it (default {@code sandbox}, the name the
 * shipped templates use), and, in a cluster, {@code INCEPTION_XENAPI_ZONE}: the zone whose nodes reach the pool (lab builds
 * and deletes on it run only there; unset: on any node).
 * {@code ./inception sandbox up --json} prints a simulated pool's three values.
 */
public final class XenPools {
    public static final String URL = "INCEPTION_XENAPI_URL";
    public static final String USER = "INCEPTION_XENAPI_USER";
    public static final String PASSWORD = "INCEPTION_XENAPI_PASSWORD";
    public static final String ZONE = "INCEPTION_XENAPI_ZONE";
    /** The pool's name as lab templates list it ({@code pools: [sandbox]}); default {@code sandbox}. */
    public static final String POOL = "INCEPTION_XENAPI_POOL";

    private XenPools() {
    }

    /** The configured pools; a clear error naming the variables when there is none. */
    public static List<PhysicalPool> fromEnvironment(Map<String, String> env) {
        String url = env.get(URL);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("no XenServer pool configured: set " + URL + ", " + USER + " and " + PASSWORD
                    + " (./inception sandbox up --json prints those of a simulated pool)");
        }
        String password = env.getOrDefault(PASSWORD, "");
        java.util.Optional<String> zone = java.util.Optional.ofNullable(env.get(ZONE)).map(String::trim).filter(z -> !z.isEmpty());
        // the zone name is checked as --zones checks a node's
        zone.ifPresent(z -> io.inception.cluster.Zones.parse(z));
        return List.of(new PhysicalPool(env.getOrDefault(POOL, "sandbox"), url, env.getOrDefault(USER, "root"), new Secret(password), zone));
    }

    /** A logged-in session on the first configured pool. */
    public static XenSession session(Map<String, String> env) {
        PhysicalPool pool = fromEnvironment(env).get(0);
        return XenApi.connect(pool.url()).login(pool.username(), pool.password());
    }
}
