package io.inception.app.release;

import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.store.Promotion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A build's path from trunk to staging: merge, unit tests, packages, the QE deploy, the smoke suite and
 * staging, each from the latest stage of that type among the build's runs (or, for QE and staging, its
 * rollouts and promotions).
 */
final class ValueStream {
    static final List<String> STAGE_STATIONS = List.of("merge", "unit-test", "package");

    private ValueStream() {
    }

    static List<ReleaseManifest.Step> of(ReleaseManifest m, Map<String, String> facts) {
        List<ReleaseManifest.Step> steps = new ArrayList<>();
        for (String type : STAGE_STATIONS) steps.add(fromStage(m, type, type));
        steps.add(qe(m));
        ReleaseManifest.Step smoke = fromStage(m, "smoke", "smoke");
        Optional<String> smokeFact = facts.keySet().stream().filter(k -> k.equals("smoke") || k.startsWith("smoke:"))
                .sorted().findFirst();
        if (smoke.state().equals("waiting") && smokeFact.isPresent()) {
            smoke = new ReleaseManifest.Step("smoke", "done", smokeFact.get() + " recorded", null);
        }
        steps.add(smoke);
        steps.add(staging(m));
        return steps;
    }

    private static Optional<ReleaseManifest.StageResult> latest(ReleaseManifest m, String type) {
        ReleaseManifest.StageResult found = null;
        for (ReleaseManifest.RunResult r : m.runs()) {
            for (ReleaseManifest.StageResult s : r.stages()) {
                if (s.type().equals(type) && s.status() != ExecutionStatus.NOT_STARTED) found = s;
            }
        }
        return Optional.ofNullable(found);
    }

    private static ReleaseManifest.Step fromStage(ReleaseManifest m, String type, String station) {
        return latest(m, type).map(s -> new ReleaseManifest.Step(station, state(s.status()),
                        s.message() == null ? "" : s.message(), s.finishedAt() != null ? s.finishedAt() : s.startedAt()))
                .orElse(new ReleaseManifest.Step(station, "waiting", "", null));
    }

    private static ReleaseManifest.Step qe(ReleaseManifest m) {
        ReleaseManifest.Deploy last = null;
        for (ReleaseManifest.Deploy d : m.deploys()) if (d.environment().equals("qe")) last = d;
        if (last != null) {
            return new ReleaseManifest.Step("qe", state(last.status()), last.hostsDone() + "/" + last.hosts()
                    + " hosts upgraded" + (last.hostsFailed() > 0 ? ", " + last.hostsFailed() + " failed" : ""),
                    last.updatedAt());
        }
        return fromStage(m, "rollout", "qe");
    }

    private static ReleaseManifest.Step staging(ReleaseManifest m) {
        Promotion last = null;
        for (Promotion p : m.promotions()) if (p.environment().equals("staging")) last = p;
        if (last == null) return new ReleaseManifest.Step("staging", "waiting", "", null);
        String state = switch (last.status()) {
            case SUCCEEDED -> "done";
            case FAILED, REJECTED -> "failed";
            case RUNNING -> "running";
            case PENDING -> "waiting";
        };
        String who = last.approvedBy() != null ? "promoted by " + last.approvedBy() : "requested by " + last.requestedBy();
        return new ReleaseManifest.Step("staging", state, who + (last.message().isEmpty() ? "" : ": " + last.message()),
                last.updatedAt());
    }

    static String state(ExecutionStatus s) {
        return switch (s) {
            case SUCCEEDED -> "done";
            case FAILED, CANCELED, TIMED_OUT -> "failed";
            case RUNNING, WAITING -> "running";
            case NOT_STARTED, SKIPPED -> "waiting";
        };
    }
}
