package io.inception.smoke.run;

import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.deployed.DeployedEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The report's "Environment" widget ({@code environment.properties}): what was tested. Never a credential. */
final class AllureEnvironment {
    private AllureEnvironment() {
    }

    static void write(Path results, DeployedEnvironment env, SmokeSettings settings) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("environment", env.name());
        values.put("package", env.packageName() + " " + env.expectedVersion());
        if (env.aptSnapshot() != null) values.put("apt.snapshot", env.aptSnapshot());
        values.put("keystone", env.cloud().authUrl().toString());
        values.put("project", env.cloud().project());
        values.put("compute.hosts", String.valueOf(env.computeHosts().size()));
        values.put("tags", settings.tags());
        values.put("retries", String.valueOf(settings.retries()));
        if (!settings.quarantine().isEmpty()) values.put("quarantine", String.join(",", settings.quarantine()));
        String text = values.entrySet().stream().map(e -> e.getKey() + "=" + escape(e.getValue()))
                .collect(Collectors.joining("\n", "", "\n"));
        Files.writeString(results.resolve("environment.properties"), text);
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", " ").replace(":", "\\:").replace("=", "\\=");
    }
}
