package io.inception.engine.fleet;

import java.util.ArrayList;
import java.util.List;

/**
 * A command to run on a host, as an argument vector: each argument is quoted into one shell word,
 * so no value (package name, version, URL, host name) can become shell syntax.
 *
 * @param argv the program and its arguments
 * @param sudo run through {@code sudo -n} (fails instead of prompting for a password)
 */
public record RemoteCommand(List<String> argv, boolean sudo) {
    public RemoteCommand {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) throw new IllegalArgumentException("empty command");
    }

    public static RemoteCommand of(String... argv) {
        return new RemoteCommand(List.of(argv), false);
    }

    /**
     * A shell script run by {@code sh -c}: for redirections and {@code &&}. The caller builds it
     * with {@link ShellQuote#quote} around every value.
     */
    public static RemoteCommand script(String script) {
        return new RemoteCommand(List.of("sh", "-c", script), false);
    }

    /** The same command run as root through {@code sudo -n}. */
    public RemoteCommand asRoot() {
        return new RemoteCommand(argv, true);
    }

    /** The command line sent to the host. */
    public String toShell() {
        List<String> words = new ArrayList<>();
        if (sudo) words.addAll(List.of("sudo", "-n", "--"));
        words.addAll(argv);
        return ShellQuote.join(words);
    }

    @Override
    public String toString() {
        return toShell();
    }
}
