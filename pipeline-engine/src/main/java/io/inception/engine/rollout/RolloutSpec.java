package io.inception.engine.rollout;

import io.inception.engine.config.Quantity;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What a rollout does; stored with it so that a resume needs nothing else.
 *
 * @param environment     environment name
 * @param buildId         the build whose package is rolled out
 * @param packageName     the Debian package (and its service), e.g. {@code nova-compute}
 * @param version         the version to install
 * @param aptSource       the {@code deb ...} line of the build's apt snapshot
 * @param waves           batch sizes in order; the last repeats until every host is planned
 * @param maxParallel     hosts worked on at once within a wave
 * @param budget          when the rollout stops
 * @param cellOrder       how cells are ordered in the waves
 * @param rollbackAll     when the budget is spent, roll back the hosts already upgraded too
 * @param leaveFailedDrained keep a rolled-back host out of scheduling for a human to look at
 * @param commandTimeout  how long one command on a host may take
 * @param healthCommand   a shell command run on the host (as root) after the package and service
 *                        checks of verify; non-zero fails the host. Null for none
 * @param gates           pauses and manual approvals between waves
 * @param previousSource  the {@code deb ...} line of the release the hosts ran before (the
 *                        environment's last successful rollout), kept in the hosts' sources list
 *                        after {@code aptSource} so that a rollback finds the previous version in a
 *                        per-build snapshot; null when unknown
 */
public record RolloutSpec(String environment, String buildId, String packageName, String version, String aptSource,
                          List<Quantity> waves, int maxParallel, FailureBudgetPolicy budget, CellOrder cellOrder,
                          boolean rollbackAll, boolean leaveFailedDrained, Duration commandTimeout,
                          String healthCommand, List<WaveGate> gates, String previousSource) {
    private static final Pattern PACKAGE = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9.+~:-]+");

    /** The default wave plan: 1 host, 5 %, 25 %, then all the rest. */
    public static final List<Quantity> DEFAULT_WAVES = List.of(new Quantity(Quantity.Kind.COUNT, 1),
            new Quantity(Quantity.Kind.PERCENT, 5), new Quantity(Quantity.Kind.PERCENT, 25),
            new Quantity(Quantity.Kind.PERCENT, 100));

    public RolloutSpec {
        waves = List.copyOf(waves);
        gates = gates == null ? List.of() : List.copyOf(gates);
        if (healthCommand != null && (healthCommand.isBlank() || healthCommand.indexOf('\0') >= 0)) {
            throw new IllegalArgumentException("the health command must be a non-empty shell command");
        }
        if (!PACKAGE.matcher(packageName).matches()) throw new IllegalArgumentException("invalid package name: " + packageName);
        if (!VERSION.matcher(version).matches()) throw new IllegalArgumentException("invalid package version: " + version);
        if (aptSource.contains("\n") || !aptSource.startsWith("deb ")) {
            throw new IllegalArgumentException("the apt source must be one 'deb ...' line");
        }
        if (previousSource != null && (previousSource.contains("\n") || !previousSource.startsWith("deb "))) {
            throw new IllegalArgumentException("the previous apt source must be one 'deb ...' line");
        }
        if (waves.isEmpty()) throw new IllegalArgumentException("a rollout needs at least one wave");
        if (maxParallel < 1) throw new IllegalArgumentException("maxParallel must be at least 1");
    }

    /** nova-compute at {@code version} with the default waves, 50 hosts at once and the default budget. */
    public static RolloutSpec of(String environment, String buildId, String version, String aptSource) {
        return new RolloutSpec(environment, buildId, "nova-compute", version, aptSource, DEFAULT_WAVES, 50,
                FailureBudgetPolicy.DEFAULT, CellOrder.PARALLEL, false, false, Duration.ofMinutes(10), null, List.of(), null);
    }

    public RolloutSpec withWaves(List<Quantity> w) {
        return with(b -> b.waves = w);
    }

    public RolloutSpec withMaxParallel(int n) {
        return with(b -> b.maxParallel = n);
    }

    public RolloutSpec withBudget(FailureBudgetPolicy p) {
        return with(b -> b.budget = p);
    }

    public RolloutSpec withCellOrder(CellOrder o) {
        return with(b -> b.cellOrder = o);
    }

    public RolloutSpec withRollbackAll(boolean all) {
        return with(b -> b.rollbackAll = all);
    }

    public RolloutSpec withCommandTimeout(Duration t) {
        return with(b -> b.commandTimeout = t);
    }

    public RolloutSpec withPackage(String pkg) {
        return with(b -> b.packageName = pkg);
    }

    public RolloutSpec withLeaveFailedDrained(boolean drained) {
        return with(b -> b.leaveFailedDrained = drained);
    }

    /** {@code command} (or null for none) runs on each host at the end of verify. */
    public RolloutSpec withHealthCommand(String command) {
        return with(b -> b.healthCommand = command);
    }

    public RolloutSpec withGates(List<WaveGate> g) {
        return with(b -> b.gates = g);
    }

    /** {@code line} (or null for none): the apt source of the release the hosts ran before. */
    public RolloutSpec withPreviousSource(String line) {
        return with(b -> b.previousSource = line);
    }

    /** The apt lines the hosts' sources list holds during this rollout: the build's, then the previous release's. */
    public List<String> sourceLines() {
        return previousSource == null || previousSource.equals(aptSource) ? List.of(aptSource)
                : List.of(aptSource, previousSource);
    }

    /** A copy with {@code change} applied to its components, checked by the canonical constructor. */
    private RolloutSpec with(Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.build();
    }

    /** The components of a spec being changed: the one place a spec is copied. */
    private static final class Components {
        String environment;
        String buildId;
        String packageName;
        String version;
        String aptSource;
        List<Quantity> waves;
        int maxParallel;
        FailureBudgetPolicy budget;
        CellOrder cellOrder;
        boolean rollbackAll;
        boolean leaveFailedDrained;
        Duration commandTimeout;
        String healthCommand;
        List<WaveGate> gates;
        String previousSource;

        Components(RolloutSpec s) {
            environment = s.environment;
            buildId = s.buildId;
            packageName = s.packageName;
            version = s.version;
            aptSource = s.aptSource;
            waves = s.waves;
            maxParallel = s.maxParallel;
            budget = s.budget;
            cellOrder = s.cellOrder;
            rollbackAll = s.rollbackAll;
            leaveFailedDrained = s.leaveFailedDrained;
            commandTimeout = s.commandTimeout;
            healthCommand = s.healthCommand;
            gates = s.gates;
            previousSource = s.previousSource;
        }

        RolloutSpec build() {
            return new RolloutSpec(environment, buildId, packageName, version, aptSource, waves, maxParallel, budget,
                    cellOrder, rollbackAll, leaveFailedDrained, commandTimeout, healthCommand, gates, previousSource);
        }
    }

    /** The health command, if any. */
    public java.util.Optional<String> health() {
        return java.util.Optional.ofNullable(healthCommand);
    }

    /** The gate after wave {@code waveIndex} (0-based), if any. */
    public java.util.Optional<WaveGate> gateAfter(int waveIndex) {
        return gates.stream().filter(g -> g.afterWave() == waveIndex).findFirst();
    }

    /** Parses {@code 1,5%,25%,100%}. */
    public static List<Quantity> parseWaves(String text) {
        return java.util.Arrays.stream(text.split(",")).map(String::trim).map(w -> w.endsWith("%")
                ? new Quantity(Quantity.Kind.PERCENT, Integer.parseInt(w.substring(0, w.length() - 1)))
                : new Quantity(Quantity.Kind.COUNT, Integer.parseInt(w))).toList();
    }
}
