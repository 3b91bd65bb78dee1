package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.engine.fleet.FleetSettings;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.SshKey;
import io.inception.engine.rollout.RolloutTargets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hosts of a rollout read from an inventory document — the one {@code inception sandbox up
 * --json} prints: {@code hosts[] (name, cell, address, port, hostKey)} and {@code ssh (user,
 * privateKeyFile)}. Host keys the document declares are recorded in the environment's managed
 * known_hosts ({@code $INCEPTION_HOME/known_hosts/<env>}) when that host has none yet; a recorded
 * key is never replaced, so a changed key still refuses the host.
 */
public final class FleetInventory {
    private FleetInventory() {
    }

    public static RolloutTargets.Fleet load(Path document, Path knownHosts) {
        try {
            JsonNode root = new ObjectMapper().readTree(document.toFile());
            List<HostTarget> hosts = new ArrayList<>();
            List<String> keyLines = new ArrayList<>();
            for (JsonNode h : root.path("hosts")) {
                HostTarget t = new HostTarget(h.path("name").asText(), h.path("cell").asText("default"),
                        h.path("address").asText(), h.path("port").asInt(22));
                hosts.add(t);
                if (h.hasNonNull("hostKey")) keyLines.add(t.knownHostsName() + " " + h.get("hostKey").asText());
            }
            if (hosts.isEmpty()) throw new IllegalArgumentException(document + " lists no hosts");
            JsonNode ssh = root.path("ssh");
            Files.createDirectories(knownHosts.toAbsolutePath().getParent());
            recordNewKeys(knownHosts, keyLines);
            FleetSettings settings = FleetSettings.of(ssh.path("user").asText("root"),
                    SshKey.fromFile(Path.of(ssh.path("privateKeyFile").asText())), knownHosts);
            return new RolloutTargets.Fleet(hosts, settings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the inventory " + document, e);
        }
    }

    private static void recordNewKeys(Path knownHosts, List<String> lines) throws IOException {
        Set<String> known = new HashSet<>();
        if (Files.exists(knownHosts)) {
            for (String l : Files.readAllLines(knownHosts)) if (!l.isBlank()) known.add(l.split(" ")[0]);
        }
        List<String> add = lines.stream().filter(l -> !known.contains(l.split(" ")[0])).toList();
        Files.write(knownHosts, add, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
