package io.inception.engine.rollout;

import io.inception.engine.config.EnvironmentSection;
import io.inception.engine.config.MapFields;
import io.inception.engine.config.Problems;
import io.inception.engine.config.YamlNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code rollout:} section of an environment file: how the rollout reaches and treats the
 * environment's hosts (the hosts, cells, waves and failure budget are the file's own fields).
 * <pre>
 * rollout:
 *   package: nova-compute          # package and service
 *   port: 22                       # SSH port of every host
 *   addresses: {qe-c1-001: 10.1.0.1}   # where a host is when its name does not resolve
 *   max-parallel: 50               # hosts at once within a wave
 *   cell-order: parallel           # or one-at-a-time
 *   rollback: failed               # or all: also roll back upgraded hosts when the budget is spent
 *   leave-failed-drained: false    # keep rolled-back hosts out of scheduling
 *   strict-waves: 2                # the first failure in these first waves stops the rollout
 *   health-command: "curl -fsS http://127.0.0.1:8775/healthcheck"   # run as root at the end of verify
 *   command-timeout: 10m
 * </pre>
 */
public final class RolloutSection implements EnvironmentSection<RolloutSection.Settings> {
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}|[0-9a-fA-F:.]+");

    /** The section, with defaults for what it leaves out. */
    public record Settings(String packageName, int port, Map<String, String> addresses, int maxParallel,
                           CellOrder cellOrder, boolean rollbackAll, boolean leaveFailedDrained, int strictWaves,
                           Optional<String> healthCommand, Duration commandTimeout) {
        public static final Settings DEFAULT = new Settings("nova-compute", 22, Map.of(), 50, CellOrder.PARALLEL,
                false, false, FailureBudgetPolicy.DEFAULT.strictWaves(), Optional.empty(), Duration.ofMinutes(10));

        public Settings {
            addresses = Map.copyOf(addresses);
        }

        /** Where to connect to {@code host}. */
        public String addressOf(String host) {
            return addresses.getOrDefault(host, host);
        }
    }

    @Override
    public String key() {
        return "rollout";
    }

    @Override
    public Optional<Settings> read(YamlNode node, String field, Problems problems) {
        Optional<MapFields> fields = MapFields.of(node, field, problems);
        if (fields.isEmpty()) return Optional.empty();
        MapFields f = fields.get().allow("package", "port", "addresses", "max-parallel", "cell-order", "rollback",
                "leave-failed-drained", "strict-waves", "health-command", "command-timeout");
        int before = problems.size();
        Settings d = Settings.DEFAULT;
        String pkg = f.string("package", false).orElse(d.packageName());
        f.get("package").filter(n -> !pkg.matches("[a-z0-9][a-z0-9+.-]+"))
                .ifPresent(n -> problems.add(n, f.field("package"), "bad package name '" + pkg + "'"));
        int port = (int) (long) f.integer("port", false).orElse((long) d.port());
        f.get("port").filter(n -> port < 1 || port > 65535)
                .ifPresent(n -> problems.add(n, f.field("port"), "port must be 1..65535, got " + port));
        Map<String, String> addresses = new LinkedHashMap<>();
        f.mapping("addresses", false).ifPresent(a -> {
            for (YamlNode.Entry e : a.node().entries()) {
                String host = e.key().value();
                a.string(host, true).ifPresent(addr -> {
                    if (ADDRESS.matcher(addr).matches()) addresses.put(host, addr);
                    else problems.add(e.value(), a.field(host), "bad address '" + addr + "' for host '" + host + "'");
                });
            }
        });
        int parallel = (int) (long) f.integer("max-parallel", false).orElse((long) d.maxParallel());
        f.get("max-parallel").filter(n -> parallel < 1)
                .ifPresent(n -> problems.add(n, f.field("max-parallel"), "max-parallel must be at least 1"));
        CellOrder order = f.oneOf("cell-order", false, List.of("parallel", "one-at-a-time"))
                .map(o -> o.equals("parallel") ? CellOrder.PARALLEL : CellOrder.ONE_AT_A_TIME).orElse(d.cellOrder());
        boolean all = f.oneOf("rollback", false, List.of("failed", "all")).map("all"::equals).orElse(false);
        boolean drained = f.bool("leave-failed-drained", false).orElse(false);
        int strict = (int) (long) f.integer("strict-waves", false).orElse((long) d.strictWaves());
        f.get("strict-waves").filter(n -> strict < 0)
                .ifPresent(n -> problems.add(n, f.field("strict-waves"), "strict-waves must be 0 or more"));
        Optional<String> health = f.string("health-command", false);
        f.get("health-command").filter(n -> health.map(String::isBlank).orElse(false))
                .ifPresent(n -> problems.add(n, f.field("health-command"), "the health command is empty"));
        Duration timeout = f.duration("command-timeout", false).orElse(d.commandTimeout());
        if (problems.size() > before) return Optional.empty();
        return Optional.of(new Settings(pkg, port, addresses, parallel, order, all, drained, strict, health, timeout));
    }
}
