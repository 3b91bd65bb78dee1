package io.inception.engine.rollout;

import io.inception.engine.fleet.CommandResult;

import java.util.Optional;

/**
 * What a {@link HostCommands} script came to: the step whose marker was printed last (the one that
 * failed, when the script did), the package state the verify step printed, and the result with
 * only the last step's standard output (so a message shows what the failing step printed; standard
 * error is kept whole).
 *
 * @param lastStep  the last step that started, or empty when none did (e.g. the host was unreachable)
 * @param installed {@code status|version} as the verify step read it, or empty
 * @param result    the command's result, standard output cut to the last step's
 */
record ScriptReport(Optional<HostCommands.Step> lastStep, Optional<Installed> installed, CommandResult result) {
    /** One package as dpkg reports it. */
    record Installed(String status, String version) {
        static final String OK = "install ok installed";

        boolean is(String expectedVersion) {
            return status.equals(OK) && version.equals(expectedVersion);
        }
    }

    static ScriptReport of(CommandResult result) {
        if (!(result instanceof CommandResult.Completed c)) return new ScriptReport(Optional.empty(), Optional.empty(), result);
        HostCommands.Step last = null;
        Installed installed = null;
        StringBuilder out = new StringBuilder();
        for (String line : c.stdout().split("\n", -1)) {
            if (line.startsWith(HostCommands.STEP_MARKER)) {
                last = step(line.substring(HostCommands.STEP_MARKER.length()).trim());
                out.setLength(0);
            } else if (line.startsWith(HostCommands.INSTALLED_MARKER)) {
                String[] parts = line.substring(HostCommands.INSTALLED_MARKER.length()).trim().split("\\|", 2);
                if (parts.length == 2) installed = new Installed(parts[0], parts[1]);
            } else {
                if (out.length() > 0) out.append('\n');
                out.append(line);
            }
        }
        return new ScriptReport(Optional.ofNullable(last), Optional.ofNullable(installed),
                new CommandResult.Completed(c.exitCode(), out.toString(), c.stderr()));
    }

    private static HostCommands.Step step(String name) {
        for (HostCommands.Step s : HostCommands.Step.values()) {
            if (s.name().equalsIgnoreCase(name)) return s;
        }
        return null;
    }

    /**
     * Null when every step passed and the package is {@code version}, installed; otherwise what
     * failed, named by its step: {@code apt-get install nova-compute=2.0-1: exit 100: ...}.
     */
    String failure(String pkg, String version) {
        if (installed.isPresent() && !installed.get().is(version)) {
            return "verify: " + pkg + " is " + installed.get().version() + " (" + installed.get().status()
                    + "), expected " + version;
        }
        if (result.ok()) return installed.isEmpty() ? "verify: " + pkg + " state not reported" : null;
        if (lastStep.isEmpty()) return "on the host: " + result.describe();
        return switch (lastStep.get()) {
            case APT -> "apt-get update: " + result.describe();
            case INSTALL -> "apt-get install " + pkg + "=" + version + ": " + result.describe();
            case RESTART -> "systemctl restart: " + result.describe();
            case VERIFY -> installed.isEmpty() ? "verify: " + result.describe()
                    : "verify: service " + pkg + " is not active (" + result.describe() + ")";
            case HEALTH -> "verify: health command failed (" + result.describe() + ")";
        };
    }

    /** Whether the script got past the restart (the failure, if any, is the verify's). */
    boolean reachedVerify() {
        return lastStep.map(s -> s.ordinal() >= HostCommands.Step.VERIFY.ordinal()).orElse(false);
    }
}
