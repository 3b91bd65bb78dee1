package io.inception.smoke.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Marks the passing result of a test that passed only on a retry as flaky in the Allure results
 * ({@code statusDetails.flaky}): Allure groups the attempts as retries but leaves flakiness to the
 * adapter, and the JUnit listener cannot know a retry is a retry.
 */
final class AllureFlaky {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UNIQUE_ID = "junit.platform.uniqueid";

    private AllureFlaky() {
    }

    static void mark(Path results, Set<String> uniqueIds) throws IOException {
        if (uniqueIds.isEmpty()) return;
        List<Path> files;
        try (Stream<Path> list = Files.list(results)) {
            files = list.filter(f -> f.getFileName().toString().endsWith("-result.json")).toList();
        }
        for (Path f : files) {
            JsonNode result = JSON.readTree(f.toFile());
            if ("passed".equals(result.path("status").asText()) && uniqueIds.contains(uniqueId(result))) {
                JsonNode details = result.path("statusDetails");
                ObjectNode writable = details.isObject() ? (ObjectNode) details : ((ObjectNode) result).putObject("statusDetails");
                writable.put("flaky", true);
                JSON.writeValue(f.toFile(), result);
            }
        }
    }

    private static String uniqueId(JsonNode result) {
        for (JsonNode label : result.path("labels")) {
            if (UNIQUE_ID.equals(label.path("name").asText())) return label.path("value").asText();
        }
        return "";
    }
}
