package io.inception.app.promotion;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.engine.store.BuildRepository;
import io.inception.engine.store.EngineJson;

import java.util.Optional;

/**
 * Opens for a build whose build fact {@code smoke} (the output of the QE smoke stage) says the suite passed.
 * Shape read: {@code {"passed": true}}, or counts {@code {"total": n, "failed": 0, ...}} with n &gt; 0 and
 * no {@code failed}/{@code broken} tests.
 */
public final class SmokeFactGate implements PromotionGate {
    public static final String FACT = "smoke";

    private final BuildRepository builds;

    public SmokeFactGate(BuildRepository builds) {
        this.builds = builds;
    }

    @Override
    public Verdict check(String buildId) {
        if (builds.find(buildId).isEmpty()) return new Verdict.Closed("there is no build " + buildId);
        Optional<String> json = builds.factJson(buildId, FACT);
        if (json.isEmpty()) {
            return new Verdict.Closed("build " + buildId + " has no smoke result: it has not passed QE yet");
        }
        JsonNode n = EngineJson.read(json.get(), JsonNode.class);
        long failed = n.path("failed").asLong(0) + n.path("broken").asLong(0);
        boolean passed = n.has("passed") && n.get("passed").isBoolean() ? n.get("passed").asBoolean()
                : n.path("total").asLong(0) > 0 && failed == 0;
        if (!passed) {
            return new Verdict.Closed("build " + buildId + " failed QE's smoke suite"
                    + (failed > 0 ? " (" + failed + " test(s) failed)" : ""));
        }
        return new Verdict.Open("build " + buildId + " passed QE's smoke suite");
    }
}
