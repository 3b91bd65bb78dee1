package io.inception.app.cluster;

import io.inception.app.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code inception server} in its own JVM (the app's {@link Main} on the test class path, the app's
 * own logback.xml at INFO), its console — stdout and stderr — in a log file, as an operator would run it.
 */
record ServerNode(String id, Process process, Path log) {
    private static final Pattern WEB = Pattern.compile("web UI and API at (http://\\S+) ");

    static ServerNode start(String id, Path home, Path log, Path sourceRoot, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx320m", "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=logback.xml",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "server"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("INCEPTION_HOME", home.toString());
        builder.environment().put("INCEPTION_SOURCE_ROOT", sourceRoot.toString());
        builder.environment().put("INCEPTION_LOG_LEVEL", "INFO");
        builder.environment().remove("INCEPTION_DB");
        return new ServerNode(id, builder.start(), log);
    }

    /** Its console so far. */
    String console() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** The URL of its web UI and API, once it printed it. */
    Optional<String> webUrl() {
        Matcher m = WEB.matcher(console());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    boolean ready() {
        return console().contains("inception server: ready");
    }

    /** The last lines of its console, for failure messages. */
    String tail() {
        List<String> lines = console().lines().toList();
        return "--- " + id + (process.isAlive() ? "" : " (exited " + process.exitValue() + ")") + ":\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
