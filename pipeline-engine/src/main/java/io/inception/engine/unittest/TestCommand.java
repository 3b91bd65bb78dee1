package io.inception.engine.unittest;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Starts a repository's test command as {@code bash -c <command>} inside a small bash wrapper that
 * writes its pid and, when the command ends, its exit code into the run folder. Output goes straight
 * to a file and stdin is {@code /dev/null}, so the process does not depend on the JVM that started it:
 * after an orchestrator restart it can be re-attached by pid, and its exit code read from the file.
 */
final class TestCommand {
    static final String PID_FILE = "pid";
    static final String EXIT_FILE = "exit-code";
    /** $1 = run folder, $2 = the command. The rename makes the exit-code file appear whole. */
    private static final String WRAPPER = "echo $$ > \"$1/pid\"; bash -c \"$2\"; code=$?; "
            + "echo $code > \"$1/exit-code.tmp\" && mv -f \"$1/exit-code.tmp\" \"$1/exit-code\"; exit $code";
    /** The orchestrator's environment may hold secrets (database URL, tokens): only these pass through. */
    private static final Set<String> PASSED_ENV = Set.of("PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "TZ",
            "TMPDIR", "JAVA_HOME", "MAVEN_OPTS", "http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY",
            "HTTPS_PROXY", "NO_PROXY");

    private TestCommand() {
    }

    static Process start(Path checkout, Path runDir, Path log, String command, String sha) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", WRAPPER, "inception-unit-test",
                runDir.toAbsolutePath().toString(), command)
                .directory(checkout.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().retainAll(PASSED_ENV);
        env.put("CI", "true");
        env.put("INCEPTION_SHA", sha);
        return pb.start();
    }
}
