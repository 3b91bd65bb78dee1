package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A simulated XenServer pool speaking XenAPI (XML-RPC) on loopback, for tests and the demo.
 *
 * <p>{@code XenApiSimulator.start(PoolSpec.defaults())} gives a pool of three hosts with templates
 * ("Other install media", "Debian Bookworm 12", "XenServer 8"), shared storage and one network.
 * A VM cloned from the "XenServer 8" template with {@code platform:nested-virt=true} (or
 * {@code exp-nested-hvm=true}) becomes, once started, a nested host with its own endpoint on
 * another loopback port; its address is in the VM's guest metrics ({@code other:xenapi-address})
 * and it can join another pool with {@code pool.join}.
 */
public final class XenApiSimulator implements AutoCloseable {
    /** One physical host: name, memory available to guests, physical CPUs. */
    public record HostSpec(String name, long memoryBytes, int cpus) {
    }

    /** A pool to simulate. The password is a sandbox credential, never a real one. */
    public record PoolSpec(String name, List<HostSpec> hosts, long storageBytes, String username, String password,
                           long seed) {
        public PoolSpec {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) {
                throw new IllegalArgumentException("a pool needs at least one host");
            }
        }

        /** Three hosts of 64 GiB and 16 CPUs each, 2 TiB of shared storage. */
        public static PoolSpec defaults() {
            List<HostSpec> hosts = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                hosts.add(new HostSpec("xs-phys-" + i, 64 * SimPool.GIB, 16));
            }
            return new PoolSpec("sandbox-pool", hosts, 2048 * SimPool.GIB, "root", "sandbox-xenapi", 7);
        }

        public PoolSpec withHosts(List<HostSpec> newHosts) {
            return new PoolSpec(name, newHosts, storageBytes, username, password, seed);
        }

        @Override
        public String toString() {
            return "PoolSpec[" + name + ", " + hosts + ", user=" + username + ", password=***]";
        }
    }

    private final PoolSpec spec;
    private final Faults faults = new Faults();
    private final Endpoint physical;
    private final Map<String, Endpoint> nestedByVm = new ConcurrentHashMap<>();
    private final Map<String, SimPool> poolsByAddress = new ConcurrentHashMap<>();

    private XenApiSimulator(PoolSpec spec) {
        this.spec = spec;
        this.physical = new Endpoint();
        SimPool pool = new SimPool(spec, physical.address(), faults);
        poolsByAddress.put(physical.address(), pool);
        physical.serve(new Dispatcher(pool, nestedHosts(), joins()));
    }

    /** Starts a simulated pool on 127.0.0.1 with an ephemeral port. */
    public static XenApiSimulator start(PoolSpec spec) {
        return new XenApiSimulator(spec);
    }

    /** Starts the default three-host pool. */
    public static XenApiSimulator start() {
        return start(PoolSpec.defaults());
    }

    /** The URL clients connect to, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return "http://" + physical.address() + "/";
    }

    public String username() {
        return spec.username();
    }

    /** The sandbox password (a simulator credential; never log it). */
    public String password() {
        return spec.password();
    }

    /** Fault injection shared by the physical pool and every nested host. */
    public Faults faults() {
        return faults;
    }

    /** Addresses ("127.0.0.1:port") of the nested hosts that are running now. */
    public List<String> nestedHostAddresses() {
        return nestedByVm.values().stream().map(Endpoint::address).toList();
    }

    private NestedHosts nestedHosts() {
        return new NestedHosts() {
            @Override
            public String start(String vmRef, String name, long memoryBytes, int cpus) {
                Endpoint e = new Endpoint();
                PoolSpec nestedSpec = new PoolSpec(name, List.of(new HostSpec(name, Math.max(memoryBytes, SimPool.GIB),
                        Math.max(cpus, 1))), 256 * SimPool.GIB, spec.username(), spec.password(), spec.seed() + e.port());
                SimPool pool = new SimPool(nestedSpec, e.address(), faults);
                poolsByAddress.put(e.address(), pool);
                e.serve(new Dispatcher(pool, this, joins()));
                Endpoint old = nestedByVm.put(vmRef, e);
                if (old != null) {
                    stopEndpoint(old);
                }
                return e.address();
            }

            @Override
            public void stop(String vmRef) {
                Endpoint e = nestedByVm.remove(vmRef);
                if (e != null) {
                    stopEndpoint(e);
                }
            }
        };
    }

    private void stopEndpoint(Endpoint e) {
        SimPool gone = poolsByAddress.remove(e.address());
        if (gone != null) {
            for (SimPool p : poolsByAddress.values()) {
                p.db.all("host").stream().filter(h -> h.str("address").equals(e.address()))
                        .forEach(h -> p.db.set(p.db.get("host_metrics", h.str("metrics")), "live", false));
            }
        }
        e.close();
    }

    private PoolJoin joins() {
        return new PoolJoin() {
            @Override
            public void join(SimPool joiner, String masterAddress, String user, String password) {
                String address = masterAddress.replaceFirst("^https?://", "").replaceFirst("/$", "");
                SimPool master = poolsByAddress.get(address);
                if (master == null || master == joiner) {
                    throw new XapiFailure("JOINING_HOST_CONNECTION_FAILED");
                }
                if (!master.username.equals(user) || !master.password.equals(password)) {
                    throw new XapiFailure("SESSION_AUTHENTICATION_FAILED", user, "Authentication failure");
                }
                if (joiner.db.all("host").size() != 1) {
                    throw new XapiFailure("POOL_JOINING_HOST_MUST_BE_SLAVE_OR_MASTER_ALONE");
                }
                XapiDb.Obj host = joiner.db.all("host").get(0);
                XapiDb.Obj metrics = joiner.db.get("host_metrics", host.str("metrics"));
                master.addHost(host.str("name_label"), joiner.address, metrics.num("memory_total"),
                        Integer.parseInt(String.valueOf(host.map("cpu_info").get("cpu_count"))));
                joiner.masterAddress = master.address;
                joiner.expireAllSessions();
            }

            @Override
            public void eject(SimPool master, XapiDb.Obj host) {
                if (host.ref().equals(master.master().ref())) {
                    throw new XapiFailure("POOL_CANNOT_EJECT_MASTER");
                }
                SimPool member = poolsByAddress.get(host.str("address"));
                if (member != null) {
                    member.masterAddress = null;
                }
                master.db.destroy(master.db.get("host_metrics", host.str("metrics")));
                master.db.destroy(host);
            }
        };
    }

    /** Stops every endpoint (nested hosts first). */
    @Override
    public void close() {
        List.copyOf(nestedByVm.values()).forEach(this::stopEndpoint);
        nestedByVm.clear();
        physical.close();
    }
}
