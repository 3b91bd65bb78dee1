package io.inception.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inception.engine.config.Durations;
import io.inception.xen.lab.Lab;
import io.inception.xen.lab.LabOutcome;
import io.inception.xen.lab.LabRequest;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.ReapReport;
import picocli.CommandLine;
import io.inception.app.labs.LabNodes;
import io.inception.cluster.ClusterDatabase;
import io.inception.cluster.ClusterNode;
import io.inception.cluster.WorkQueue;
import io.inception.engine.store.Store;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import io.inception.xen.lab.DbLabStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code inception lab create|list|show|extend|delete|reap}: self-service nested XenServer labs.
 * Labs live in the store's database ({@code inception lab --db ... create ...}); creating and deleting
 * queue cluster work and, unless {@code --no-wait}, run it here while printing its progress.
 * Exit codes: 0 done, 1 creation failed (cleaned up), 2 bad arguments or unknown lab, 3 refused (quota, lease, room).
 */
@Command(name = "lab", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Self-service virtual labs of nested XenServer hosts, with leases and quotas.",
        footer = {"", "Examples:", "  inception lab create --template nested-3 --ttl 8h --name my-lab",
                "  inception lab list --json", "  inception lab extend lab-1a2b3c --by 4h", "  inception lab delete lab-1a2b3c"})
public final class LabCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    /** How long a waiting create or delete waits at most (the lab goes on being built after that). */
    static final Duration WAIT_AT_MOST = Duration.ofHours(1);
    private final Supplier<LabService> labs;
    private final String user;
    private final Clock clock = Clock.systemUTC();

    @Mixin
    StoreOptions store = new StoreOptions();

    @Spec
    CommandSpec spec;

    /**
     * @param labs the lab service's templates and pools (made lazily: only subcommands that need it connect);
     *             its labs are moved to the store's database ({@link LabService#on}), whatever store it has
     * @param user who asks (the owner of created labs), e.g. the login name or the API token's user
     */
    public LabCommand(Supplier<LabService> labs, String user) {
        this.labs = labs;
        this.user = user;
    }

    @Override
    public void run() {
        spec.commandLine().usage(out());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a lab from a template: the request is checked (template, lease, quota, room on a pool)",
                    "and the lab recorded CREATING; its build is queued as cluster work. By default this waits for",
                    "the build (running it in this process unless a server takes it first) and prints its progress."})
    int create(@Option(names = "--template", required = true, description = "Lab template (environments/labs).") String template,
               @Option(names = "--ttl", description = "Lease length, e.g. 8h (default), 2d; at most 7 days.") String ttl,
               @Option(names = "--name", description = "A name for the lab (default: its id).") String name,
               @Option(names = "--no-wait", description = "Return once the lab is accepted; a server (or the next"
                       + " waiting lab command) builds it. See `inception lab show <id>`.") boolean noWait,
               @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        Duration lease = null;
        if (ttl != null) {
            Optional<Duration> d = Durations.parse(ttl);
            if (d.isEmpty()) {
                err().println("--ttl: cannot read '" + ttl + "': " + Durations.EXAMPLES);
                return 2;
            }
            lease = d.get();
        }
        Duration leaseLength = lease;
        return withLabs((service, queue) -> {
            LabOutcome outcome = service.request(new LabRequest(user, template, name, leaseLength));
            if (outcome instanceof LabOutcome.Refused r) {
                report(json, "refused", r.reason());
                return 3;
            }
            Lab accepted = ((LabOutcome.Accepted) outcome).lab();
            if (noWait) {
                print(accepted, json);
                if (!json) out().println("  queued: a server builds it (or the next waiting `inception lab` command);"
                        + " `inception lab show " + accepted.id() + "` shows its progress");
                return 0;
            }
            Lab done = await(service, queue, accepted, Lab.State.CREATING, json);
            if (done.state() == Lab.State.FAILED) {
                if (json) {
                    out().println(JSON.writeValueAsString(done));
                } else {
                    err().println("lab " + done.id() + " failed: " + done.message() + " (what was made has been removed)");
                }
                return 1;
            }
            print(done, json);
            return done.state() == Lab.State.READY ? 0 : 1;
        });
    }

    /** A lab's store and queue for one command: the database of --db/--home, the labs of the JSON files imported once. */
    private int withLabs(LabsCall call) throws Exception {
        LabService base = labs.get();
        try (Store db = store.openStore()) {
            DataSource queue = ClusterDatabase.dataSource(db.connectionUrl().reveal());
            try {
                return call.run(LabNodes.queued(base.on(new DbLabStore(db.labs())), queue, clock), queue);
            } finally {
                ClusterDatabase.close(queue);
            }
        }
    }

    private interface LabsCall {
        int run(LabService service, DataSource queue) throws Exception;
    }

    /**
     * Runs a node of this process for lab work until the lab leaves {@code pending}, printing each new
     * progress message (unless {@code json}); another node of the database may do the work instead.
     */
    private Lab await(LabService service, DataSource queue, Lab lab, Lab.State pending, boolean json) throws Exception {
        String[] said = {lab.message()};
        if (!json) out().println("lab " + lab.id() + ": " + lab.state() + " — " + lab.message());
        try (ClusterNode node = LabNodes.localNode(queue, service, service.pools(), "cli", clock)) {
            Waited<Lab> waited = WaitStrategy.of(WAIT_AT_MOST, Duration.ofMillis(200)).poll(
                    "lab " + lab.id() + " no longer " + pending, () -> {
                        Lab now = service.show(lab.id()).orElseThrow();
                        if (!json && !now.message().equals(said[0])) {
                            said[0] = now.message();
                            out().println("lab " + now.id() + ": " + now.state() + " — " + now.message());
                            out().flush();
                        }
                        return now.state() == pending ? Optional.empty() : Optional.of(now);
                    }, () -> said[0]);
            Lab done = waited.orElseThrow();
            finishClaimed(queue, node.config().nodeId(), json);
            return done;
        }
    }

    /**
     * Waits until the node of this command holds no claim: lab work of other requests it took on
     * meanwhile (queued with --no-wait) is finished rather than handed over half-built.
     */
    private void finishClaimed(DataSource queue, String nodeId, boolean json) throws InterruptedException {
        WorkQueue work = new WorkQueue(queue, clock);
        java.util.function.Supplier<List<String>> mine = () -> work.items().stream()
                .filter(c -> c.claimedBy().filter(nodeId::equals).isPresent()).map(c -> c.kind() + " " + c.id()).toList();
        if (mine.get().isEmpty()) return;
        if (!json) out().println("finishing lab work this command took on: " + mine.get());
        WaitStrategy.of(WAIT_AT_MOST, Duration.ofMillis(200)).poll("no lab work claimed by " + nodeId,
                () -> mine.get().isEmpty() ? Optional.of(true) : Optional.empty(), () -> mine.get().toString()).orElseThrow();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List labs (yours, or --all).")
    int list(@Option(names = "--all", description = "Labs of every user.") boolean all,
             @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        return withLabs((service, queue) -> list(service.list(all ? Optional.empty() : Optional.of(user)), json));
    }

    private int list(List<Lab> found, boolean json) throws Exception {
        if (json) {
            out().println(JSON.writeValueAsString(found));
            return 0;
        }
        if (found.isEmpty()) {
            out().println("no labs — create one with `inception lab create --template <name>`");
            return 0;
        }
        out().printf("%-14s %-16s %-10s %-12s %-9s %-10s %s%n", "LAB", "NAME", "OWNER", "TEMPLATE", "STATE", "POOL", "EXPIRES");
        for (Lab l : found) {
            out().printf("%-14s %-16s %-10s %-12s %-9s %-10s %s%n", l.id(), l.name(), l.owner(), l.template(),
                    l.state(), l.pool(), l.lease().expiresAt());
        }
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one lab: lease, VMs, pool master.")
    int show(@Parameters(paramLabel = "LAB_ID") String id,
             @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        return withLabs((service, queue) -> {
            Optional<Lab> lab = service.show(id);
            if (lab.isEmpty()) {
                report(json, "error", "no lab " + id + " — see `inception lab list --all`");
                return 2;
            }
            print(lab.get(), json);
            return 0;
        });
    }

    @Command(name = "extend", mixinStandardHelpOptions = true, description = "Extend a lab's lease (7 days at most in all).")
    int extend(@Parameters(paramLabel = "LAB_ID") String id,
               @Option(names = "--by", required = true, description = "How much longer, e.g. 4h.") String by,
               @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        Optional<Duration> d = Durations.parse(by);
        if (d.isEmpty()) {
            err().println("--by: cannot read '" + by + "': " + Durations.EXAMPLES);
            return 2;
        }
        return withLabs((service, queue) -> {
            try {
                print(service.extend(id, d.get()), json);
                return 0;
            } catch (IllegalArgumentException e) {
                report(json, "refused", e.getMessage());
                return e.getMessage().startsWith("no lab") ? 2 : 3;
            }
        });
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a lab and its VMs (idempotent); waits for the removal unless --no-wait.")
    int delete(@Parameters(paramLabel = "LAB_ID") String id,
               @Option(names = "--no-wait", description = "Return once the lab is marked DELETING.") boolean noWait,
               @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        return withLabs((service, queue) -> {
            Lab lab;
            try {
                lab = service.requestDelete(id);
            } catch (IllegalArgumentException e) {
                report(json, "error", e.getMessage());
                return 2;
            }
            print(noWait || lab.state() != Lab.State.DELETING ? lab : await(service, queue, lab, Lab.State.DELETING, json), json);
            return 0;
        });
    }

    @Command(name = "reap", mixinStandardHelpOptions = true,
            description = "Delete expired labs and VMs tagged by Inception that belong to no live lab.")
    int reap(@Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        return withLabs((service, queue) -> {
            ReapReport r = service.reap();
            if (json) {
                out().println(JSON.writeValueAsString(r));
            } else {
                out().println("expired labs deleted: " + r.expiredLabs() + "; leaked VMs removed: " + r.leakedVms());
                io.inception.app.labs.LabWorks.lines(new ReapReport(List.of(), List.of(), r.requeued())).forEach(out()::println);
            }
            return 0;
        });
    }

    private void print(Lab l, boolean json) throws Exception {
        if (json) {
            out().println(JSON.writeValueAsString(l));
            return;
        }
        out().println("lab " + l.id() + " (" + l.name() + ") of " + l.owner() + ": " + l.state() + " — " + l.message());
        out().println("  template " + l.template() + " on pool " + l.pool() + ", created " + l.lease().createdAt()
                + ", expires " + l.lease().expiresAt());
        if (!l.masterAddress().isEmpty()) {
            out().println("  nested pool master: " + l.masterAddress());
        }
        for (Lab.LabVm vm : l.vms()) {
            out().println("  " + vm.role() + " " + vm.name() + " " + vm.ref());
        }
    }

    private void report(boolean json, String key, String message) throws Exception {
        if (json) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(key, message);
            out().println(JSON.writeValueAsString(m));
        } else {
            err().println(message);
        }
    }

    /** For the lead's wiring: the command line of this command with its subcommands. */
    public CommandLine commandLine() {
        return new CommandLine(this);
    }
}
