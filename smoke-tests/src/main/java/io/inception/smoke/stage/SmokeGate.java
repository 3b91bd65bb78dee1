package io.inception.smoke.stage;

import io.inception.engine.store.BuildRepository;
import io.inception.engine.store.EngineJson;
import io.inception.smoke.run.SmokeReport;

import java.util.Map;

/**
 * Whether a build may be promoted past an environment: only when that environment's smoke suite
 * ran on the build and passed (quarantined failures do not count; a run that selected no test
 * does not pass). Reads the build's facts, so promotion needs nothing but the store.
 */
public final class SmokeGate {
    private SmokeGate() {
    }

    /** The gate's answer. */
    public sealed interface Decision {
        /** One line for the terminal and the audit log. */
        String reason();

        /** The environment's smoke suite passed on this build. */
        record Open(SmokeReport report, String reason) implements Decision {
        }

        /** The build may not be promoted; {@code reason} says why. */
        record Closed(String reason) implements Decision {
        }

        default boolean open() {
            return this instanceof Open;
        }
    }

    /** The decision for {@code buildId} from the store's facts. */
    public static Decision decide(BuildRepository builds, String buildId, String environment) {
        return decide(buildId, builds.facts(buildId), environment);
    }

    /** The decision from a build's facts as JSON by name ({@link BuildRepository#facts}). */
    public static Decision decide(String buildId, Map<String, String> facts, String environment) {
        String json = facts.get(SmokeStage.factName(environment));
        if (json == null) {
            return new Decision.Closed("build " + buildId + " has no smoke result for " + environment
                    + ": run the smoke stage against " + environment + " first");
        }
        SmokeReport report = EngineJson.read(json, SmokeReport.class);
        if (!report.passed()) {
            return new Decision.Closed("build " + buildId + " failed the smoke suite on " + environment + ": " + report.verdict());
        }
        return new Decision.Open(report, "build " + buildId + " passed the smoke suite on " + environment + ": " + report.verdict());
    }
}
