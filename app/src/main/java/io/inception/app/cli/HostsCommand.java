package io.inception.app.cli;

import io.inception.xen.wipe.HostResult;
import io.inception.xen.wipe.HostWipe;
import io.inception.xen.wipe.WipePlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * {@code inception hosts wipe <env> [hosts...]}: QE compute hosts that run as VMs on a XenServer
 * pool reverted to their golden snapshot, in waves. Exit 0 when every host was reverted, 1 otherwise.
 */
@Command(name = "hosts", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Operations on the compute hosts of an environment.",
        footer = {"", "Examples:", "  inception hosts wipe qe", "  inception hosts wipe qe qe-c1-001 qe-c1-002 --wave-size 1"})
public final class HostsCommand implements Runnable {
    private final Function<String, List<String>> hostsOf;
    private final Function<String, HostWipe> wipeFor;

    @Spec
    CommandSpec spec;

    /**
     * @param hostsOf the compute hosts of an environment (from its environment file)
     * @param wipeFor a wipe bound to a session on the XenServer pool the environment's hosts run on
     */
    public HostsCommand(Function<String, List<String>> hostsOf, Function<String, HostWipe> wipeFor) {
        this.hostsOf = hostsOf;
        this.wipeFor = wipeFor;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "wipe", mixinStandardHelpOptions = true,
            description = "Revert QE hosts to their golden snapshot, wave by wave, and start them again.")
    int wipe(@Parameters(index = "0", paramLabel = "ENV") String env,
             @Parameters(index = "1..*", paramLabel = "HOST", arity = "0..*",
                     description = "Only these hosts (default: every host of the environment).") List<String> hosts,
             @Option(names = "--wave-size", defaultValue = "10", description = "Hosts per wave (default: ${DEFAULT-VALUE}).") int waveSize,
             @Option(names = "--failure-budget", defaultValue = "0",
                     description = "Failed hosts tolerated before the next waves are skipped (default: ${DEFAULT-VALUE}).") int budget,
             @Option(names = "--golden", defaultValue = "golden", description = "Snapshot name (default: ${DEFAULT-VALUE}).") String golden,
             @Option(names = "--json", description = "Print one JSON document.") boolean json) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<String> targets = hosts == null || hosts.isEmpty() ? hostsOf.apply(env) : hosts;
        List<HostResult> results = wipeFor.apply(env).run(new WipePlan(targets, waveSize, budget, golden));
        if (json) {
            out.println(LabCommand.JSON.writeValueAsString(results.stream().map(r -> java.util.Map.of(
                    "host", r.host(), "result", r.getClass().getSimpleName().toLowerCase(), "detail", detail(r))).toList()));
        } else {
            for (HostResult r : results) {
                out.printf("%-20s %-9s %s%n", r.host(), r.getClass().getSimpleName().toUpperCase(), detail(r));
            }
        }
        return results.stream().allMatch(r -> r instanceof HostResult.Reverted) ? 0 : 1;
    }

    private static String detail(HostResult r) {
        if (r instanceof HostResult.Reverted v) {
            return "wave " + v.wave() + ": reverted to " + v.snapshot() + ", running";
        }
        if (r instanceof HostResult.Failed f) {
            return "wave " + f.wave() + ": " + f.step() + ": " + f.reason();
        }
        return ((HostResult.Skipped) r).reason();
    }
}
