package io.inception.engine.rollout;

import io.inception.engine.fleet.RemoteCommand;
import io.inception.engine.fleet.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commands a rollout runs on a host. The steps after the drain — point apt at the snapshot,
 * install, restart, verify, health — go to the host as one {@code sh -c} script (one round trip
 * instead of five): the steps are chained with {@code &&}, so the first failing step ends the
 * script, and each step prints a marker line ({@code @@inception-step=install}) before it runs, so
 * the failure is attributed to the step whose marker was printed last. Every value is quoted with
 * {@link ShellQuote}; the health command from the environment file is passed as one quoted word to
 * its own {@code sh -c}.
 */
final class HostCommands {
    static final String SOURCES_FILE = "/etc/apt/sources.list.d/inception.list";
    static final String STEP_MARKER = "@@inception-step=";
    static final String INSTALLED_MARKER = "@@inception-installed=";

    /** The steps of the script, in order. */
    enum Step {
        APT, INSTALL, RESTART, VERIFY, HEALTH;

        String marker() {
            return STEP_MARKER + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private HostCommands() {
    }

    /** Prints {@code status|version} of the package, e.g. {@code install ok installed|2.0-1}. */
    static RemoteCommand query(String pkg) {
        return RemoteCommand.of("dpkg-query", "-W", "-f=${Status}|${Version}", pkg);
    }

    /**
     * apt sources (one line each), update, install {@code pkg=version}, restart, then {@link #verify}:
     * one script, run as root.
     */
    static RemoteCommand upgrade(String pkg, String version, List<String> debLines, Optional<String> health) {
        List<String> steps = new ArrayList<>();
        steps.add(step(Step.APT, "printf " + ShellQuote.quote("%s\\n") + " " + ShellQuote.join(debLines) + " > "
                + ShellQuote.quote(SOURCES_FILE) + " && apt-get update -q"));
        steps.add(step(Step.INSTALL, ShellQuote.join(List.of("env", "DEBIAN_FRONTEND=noninteractive", "apt-get",
                "install", "-y", "-q", "--allow-downgrades", pkg + "=" + version))));
        steps.add(step(Step.RESTART, ShellQuote.join(List.of("systemctl", "restart", pkg))));
        steps.addAll(verifySteps(pkg, health));
        return RemoteCommand.script(String.join(" && ", steps)).asRoot();
    }

    /**
     * Verify alone: prints the installed marker ({@code status|version}), checks the service is
     * active, then runs the health command if any. Run as root (the health command may need it).
     */
    static RemoteCommand verify(String pkg, Optional<String> health) {
        return RemoteCommand.script(String.join(" && ", verifySteps(pkg, health))).asRoot();
    }

    private static List<String> verifySteps(String pkg, Optional<String> health) {
        List<String> steps = new ArrayList<>();
        steps.add(step(Step.VERIFY, ShellQuote.join(List.of("dpkg-query", "-W",
                "-f=" + INSTALLED_MARKER + "${Status}|${Version}\\n", pkg)) + " && "
                + ShellQuote.join(List.of("systemctl", "is-active", pkg))));
        health.ifPresent(h -> steps.add(step(Step.HEALTH, ShellQuote.join(List.of("sh", "-c", h)))));
        return steps;
    }

    private static String step(Step step, String commands) {
        return "echo " + step.marker() + " && " + commands;
    }
}
