package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.HostTrust;
import io.inception.engine.fleet.TrustOutcome;
import io.inception.engine.rollout.EnvironmentTargets;
import io.inception.engine.rollout.RolloutTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inception hosts trust <env>}: enrols the host keys of an environment's hosts (from its
 * environment file at {@code --repo/--ref}) in the known_hosts file Inception manages for it
 * ({@code $INCEPTION_HOME/known_hosts/<env>}), and says per host whether its key was newly
 * recorded, already trusted, or CHANGED — a changed key is never overwritten. Exit 0 when every
 * host is trusted, 1 when a key changed or a host could not be reached.
 */
@Command(name = "trust", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = "Record the SSH host keys of an environment's hosts (trust on enrolment); a changed key is"
                + " reported and never replaced.",
        footer = {"", "Examples:", "  inception hosts trust qe", "  inception hosts trust qe --ref v12 --json"})
public final class HostsTrustCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ConfigRepoOptions config = new ConfigRepoOptions();

    @Parameters(index = "0", paramLabel = "ENV")
    String env;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Inception inception = store.open()) {
            EnvironmentTargets targets = RolloutCommand.targets(inception, config);
            RolloutTargets.Fleet fleet = targets.forEnvironment(env);
            return report(HostTrust.enrol(fleet.settings(), fleet.hosts()), fleet.settings(), json);
        }
    }

    /** Prints one line (or JSON object) per host; exit 0 when every host is trusted. */
    static int report(List<TrustOutcome> outcomes, FleetSettings settings, boolean json) throws Exception {
        List<Map<String, String>> rows = outcomes.stream().map(HostsTrustCommand::row).toList();
        if (json) {
            System.out.println(RolloutCommand.JSON.writeValueAsString(Map.of("knownHosts", settings.knownHosts().toString(),
                    "hosts", rows)));
        } else {
            for (Map<String, String> r : rows) System.out.printf("%-20s %-16s %s%n", r.get("host"), r.get("result"), r.get("detail"));
            long changed = outcomes.stream().filter(o -> o instanceof TrustOutcome.Changed).count();
            long failed = outcomes.stream().filter(o -> o instanceof TrustOutcome.Failed).count();
            System.out.println(outcomes.size() + " hosts: " + count(outcomes, TrustOutcome.Recorded.class) + " newly recorded, "
                    + count(outcomes, TrustOutcome.AlreadyTrusted.class) + " already trusted, " + changed + " changed, "
                    + failed + " unreachable; known_hosts: " + settings.knownHosts());
            if (changed > 0) {
                System.out.println("A CHANGED key was not recorded: the rollout refuses that host. If the host was"
                        + " reinstalled, remove its line from " + settings.knownHosts() + " and run this again;"
                        + " otherwise treat it as compromised.");
            }
        }
        return outcomes.stream().allMatch(o -> o instanceof TrustOutcome.Recorded || o instanceof TrustOutcome.AlreadyTrusted)
                ? 0 : 1;
    }

    private static long count(List<TrustOutcome> outcomes, Class<?> type) {
        return outcomes.stream().filter(type::isInstance).count();
    }

    private static Map<String, String> row(TrustOutcome o) {
        Map<String, String> row = new LinkedHashMap<>();
        if (o instanceof TrustOutcome.Recorded r) {
            put(row, r.host(), "recorded", "new key " + r.keyType() + " " + r.fingerprint());
        } else if (o instanceof TrustOutcome.AlreadyTrusted a) {
            put(row, a.host(), "already-trusted", a.fingerprint());
        } else if (o instanceof TrustOutcome.Changed c) {
            put(row, c.host(), "CHANGED", "presents " + c.presentedFingerprint() + " but " + c.recordedFingerprint()
                    + " is recorded; not replaced");
        } else {
            TrustOutcome.Failed f = (TrustOutcome.Failed) o;
            put(row, f.host(), "unreachable", f.reason());
        }
        return row;
    }

    private static void put(Map<String, String> row, HostTarget host, String result, String detail) {
        row.put("host", host.name());
        row.put("address", host.address() + ":" + host.port());
        row.put("result", result);
        row.put("detail", detail);
    }
}
