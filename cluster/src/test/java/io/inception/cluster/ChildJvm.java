package io.inception.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code main} class of the test class path in its own JVM (as pipeline-engine's kill -9 tests start theirs), output to a log file. */
public record ChildJvm(String name, Process process, Path log) {
    public static ChildJvm start(String name, Class<?> main, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dlogback.configurationFile=" + System.getProperty("logback.configurationFile", "logback-test.xml"), "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new ChildJvm(name, p, log);
    }

    /** The last lines of its output, for failure messages. */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return name + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return name + ": (no log: " + e.getMessage() + ")";
        }
    }
}
