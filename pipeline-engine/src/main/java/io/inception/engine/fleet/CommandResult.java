package io.inception.engine.fleet;

import java.time.Duration;

/** What running a command on a host came to. Expected outcomes are values, not exceptions. */
public sealed interface CommandResult {
    /** The command ran and exited. */
    record Completed(int exitCode, String stdout, String stderr) implements CommandResult {
        public boolean ok() {
            return exitCode == 0;
        }

        /** The last lines of stdout and of stderr (where apt and dpkg put their errors), for messages. */
        public String tail() {
            String joined = (last(stdout, 4) + "\n" + last(stderr, 4)).strip();
            return joined;
        }

        private static String last(String text, int n) {
            String[] lines = text.strip().split("\n");
            return String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - n), lines.length));
        }
    }

    /** The command did not finish in time; its channel was closed. */
    record TimedOut(Duration after) implements CommandResult {
    }

    /** No SSH session could be made (refused, timed out, reset); a retry may succeed. */
    record Unreachable(String reason) implements CommandResult {
    }

    /** The host was refused: its host key is unknown or changed, or login failed. A retry will not help. */
    record Refused(String reason) implements CommandResult {
    }

    /** True when the command ran and exited 0. */
    default boolean ok() {
        return this instanceof Completed c && c.exitCode() == 0;
    }

    /** One line describing a failure, for host messages. */
    default String describe() {
        if (this instanceof Completed c) return "exit " + c.exitCode() + (c.tail().isBlank() ? "" : ": " + c.tail());
        if (this instanceof TimedOut t) return "timed out after " + t.after().toMillis() + " ms";
        if (this instanceof Unreachable u) return "unreachable: " + u.reason();
        return ((Refused) this).reason();
    }
}
