package io.inception.puppet.apply;

import io.inception.engine.fleet.CommandResult;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.RemoteCommand;
import io.inception.engine.fleet.ShellQuote;
import io.inception.engine.fleet.SshFleet;
import io.inception.puppet.node.NodeBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies a {@link NodeBundle} on its host over the SSH fleet: ships it (a tar.gz on the channel's
 * standard input, extracted as root under umask 077), runs {@code puppet apply --detailed-exitcodes}
 * and reads the run report back into a {@link HostApply}. A noop run ({@link #drift}) writes its
 * report to a separate path ({@value #DRIFT_REPORT}) so the last real run's state stays as it was.
 */
public final class PuppetRunner {
    /** Where Debian's Puppet 7 writes the last run's report ({@code puppet config print lastrunreport}). */
    public static final String LAST_RUN_REPORT = "/var/cache/puppet/state/last_run_report.yaml";
    /** Where noop runs write theirs. */
    public static final String DRIFT_REPORT = NodeBundle.ROOT + "/drift/last_run_report.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(PuppetRunner.class);

    private final SshFleet fleet;
    private final Duration timeout;

    public PuppetRunner(SshFleet fleet, Duration timeout) {
        this.fleet = fleet;
        this.timeout = timeout;
    }

    /** Ships the bundle and applies it for real. */
    public HostApply apply(NodeBundle bundle) {
        return run(bundle, false);
    }

    /** Ships the bundle and runs it in noop mode: what would change. */
    public PuppetDrift drift(NodeBundle bundle) {
        return PuppetDrift.of(run(bundle, true));
    }

    /** Ships the bundle and runs it, for real or in noop mode (then {@code outOfSync} lists the drift). */
    public HostApply run(NodeBundle bundle, boolean noop) {
        HostTarget host = bundle.node().host();
        String dir = bundle.directory();
        CommandResult shipped = fleet.exec(host, RemoteCommand.script("umask 077 && mkdir -p " + ShellQuote.quote(dir) + " "
                + ShellQuote.quote(NodeBundle.ROOT + "/drift") + " && tar -xzf - -C " + ShellQuote.quote(dir)).asRoot(),
                bundle.archive(), timeout);
        if (!shipped.ok()) return notRun(host, shipped, "shipping the manifests", bundle);
        CommandResult applied = fleet.exec(host, new RemoteCommand(command(dir, noop), false).asRoot(), timeout);
        if (!(applied instanceof CommandResult.Completed done)) return notRun(host, applied, "puppet apply", bundle);
        int exit = done.exitCode();
        if (exit != 0 && exit != 2 && exit != 4 && exit != 6) {
            String why = bundle.scrub(errorLines(done.stderr()));
            return new HostApply(host.name(), HostApply.Status.FAILED, exit, List.of(), List.of(), List.of(),
                    "puppet apply exited " + exit + ": " + why);
        }
        CommandResult read = fleet.exec(host, RemoteCommand.of("cat", noop ? DRIFT_REPORT : LAST_RUN_REPORT).asRoot(), timeout);
        if (!(read instanceof CommandResult.Completed r) || r.exitCode() != 0) return notRun(host, read, "reading the report", bundle);
        PuppetReport report = ReportParser.parse(r.stdout(), bundle::scrub);
        HostApply result = summarise(host.name(), exit, report, noop);
        LOG.info("puppet {} on {} @{}: {}", noop ? "noop" : "apply", host.name(), bundle.tree().commit().shortCommit(), result.message());
        return result;
    }

    static List<String> command(String dir, boolean noop) {
        List<String> argv = new ArrayList<>(List.of("puppet", "apply", "--detailed-exitcodes", "--color=false",
                "--modulepath=" + dir + "/modules", "--hiera_config=" + dir + "/inception/hiera.yaml"));
        if (noop) {
            argv.addAll(List.of("--noop", "--lastrunreport=" + DRIFT_REPORT,
                    "--lastrunfile=" + NodeBundle.ROOT + "/drift/last_run_summary.yaml",
                    "--reportdir=" + NodeBundle.ROOT + "/drift/reports"));
        }
        argv.add(dir + "/manifests/site.pp");
        return argv;
    }

    static HostApply summarise(String host, int exit, PuppetReport report, boolean noop) {
        List<ResourceStatus> failed = report.failed();
        HostApply.Status status;
        String message;
        if (!failed.isEmpty() || exit == 4 || exit == 6 || "failed".equals(report.status())) {
            status = HostApply.Status.FAILED;
            List<String> why = failed.isEmpty() ? report.errors() : failed.stream().map(ResourceStatus::describe).toList();
            message = "failed: " + String.join("; ", why);
        } else if (noop) {
            status = report.outOfSync().isEmpty() ? HostApply.Status.UNCHANGED : HostApply.Status.CHANGED;
            message = report.outOfSync().isEmpty() ? "in sync" : report.outOfSync().size() + " resource(s) would change: "
                    + String.join(", ", report.outOfSync().stream().map(ResourceStatus::resource).toList());
        } else {
            status = exit == 2 ? HostApply.Status.CHANGED : HostApply.Status.UNCHANGED;
            message = exit == 2 ? report.changed().size() + " resource(s) changed: "
                    + String.join(", ", report.changed().stream().map(ResourceStatus::resource).toList()) : "no change";
        }
        return new HostApply(host, status, exit, report.changed(), failed, report.outOfSync(), message);
    }

    private static HostApply notRun(HostTarget host, CommandResult result, String step, NodeBundle bundle) {
        HostApply.Status status = result instanceof CommandResult.Completed || result instanceof CommandResult.TimedOut
                ? HostApply.Status.FAILED : HostApply.Status.UNREACHABLE;
        return new HostApply(host.name(), status, -1, List.of(), List.of(), List.of(),
                step + " failed: " + bundle.scrub(result.describe()));
    }

    private static String errorLines(String stderr) {
        List<String> errors = stderr.lines().filter(l -> l.startsWith("Error:")).toList();
        return errors.isEmpty() ? stderr.strip() : String.join("; ", errors);
    }
}
