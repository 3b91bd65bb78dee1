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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code inception lab create|list|show|extend|delete|reap}: self-service nested XenServer labs.
 * Exit codes: 0 done, 1 creation failed (cleaned up), 2 bad arguments or unknown lab, 3 refused (quota, lease, room).
 */
@Command(name = "lab", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Self-service virtual labs of nested XenServer hosts, with leases and quotas.",
        footer = {"", "Examples:", "  inception lab create --template nested-3 --ttl 8h --name my-lab",
                "  inception lab list --json", "  inception lab extend lab-1a2b3c --by 4h", "  inception lab delete lab-1a2b3c"})
public final class LabCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
    private final Supplier<LabService> labs;
    private final String user;

    @Spec
    CommandSpec spec;

    /**
     * @param labs the lab service (made lazily: only subcommands that need it connect)
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

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a lab from a template.")
    int create(@Option(names = "--template", required = true, description = "Lab template (environments/labs).") String template,
               @Option(names = "--ttl", description = "Lease length, e.g. 8h (default), 2d; at most 7 days.") String ttl,
               @Option(names = "--name", description = "A name for the lab (default: its id).") String name,
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
        LabOutcome outcome = labs.get().create(new LabRequest(user, template, name, lease));
        if (outcome instanceof LabOutcome.Created c) {
            print(c.lab(), json);
            return 0;
        }
        if (outcome instanceof LabOutcome.Refused r) {
            report(json, "refused", r.reason());
            return 3;
        }
        LabOutcome.Failed f = (LabOutcome.Failed) outcome;
        if (json) {
            out().println(JSON.writeValueAsString(f.lab()));
        } else {
            err().println("lab " + f.lab().id() + " failed: " + f.reason() + " (what was made has been removed)");
        }
        return 1;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List labs (yours, or --all).")
    int list(@Option(names = "--all", description = "Labs of every user.") boolean all,
             @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        List<Lab> found = labs.get().list(all ? Optional.empty() : Optional.of(user));
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
        Optional<Lab> lab = labs.get().show(id);
        if (lab.isEmpty()) {
            report(json, "error", "no lab " + id + " — see `inception lab list --all`");
            return 2;
        }
        print(lab.get(), json);
        return 0;
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
        try {
            print(labs.get().extend(id, d.get()), json);
            return 0;
        } catch (IllegalArgumentException e) {
            report(json, "refused", e.getMessage());
            return e.getMessage().startsWith("no lab") ? 2 : 3;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a lab and its VMs (idempotent).")
    int delete(@Parameters(paramLabel = "LAB_ID") String id,
               @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        try {
            print(labs.get().delete(id), json);
            return 0;
        } catch (IllegalArgumentException e) {
            report(json, "error", e.getMessage());
            return 2;
        }
    }

    @Command(name = "reap", mixinStandardHelpOptions = true,
            description = "Delete expired labs and VMs tagged by Inception that belong to no live lab.")
    int reap(@Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        ReapReport r = labs.get().reap();
        if (json) {
            out().println(JSON.writeValueAsString(r));
        } else {
            out().println("expired labs deleted: " + r.expiredLabs() + "; leaked VMs removed: " + r.leakedVms());
        }
        return 0;
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
