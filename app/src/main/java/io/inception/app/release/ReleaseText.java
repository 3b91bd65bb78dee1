package io.inception.app.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.inception.engine.model.BranchHead;
import io.inception.engine.store.EngineJson;
import io.inception.engine.store.Promotion;

import java.io.PrintStream;
import java.util.List;

/** Release manifests for people (text) and programs (JSON). */
public final class ReleaseText {
    private ReleaseText() {
    }

    /** Pretty JSON with ISO dates, the shape of the records. */
    public static String json(Object value) {
        try {
            return EngineJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static void printList(List<BuildSummary> builds, PrintStream out) {
        out.printf("%-22s %-22s %-8s %-8s %-36s %s%n", "BUILD", "CREATED", "TRUNK", "STATUS", "VERSION", "STREAM");
        for (BuildSummary b : builds) {
            out.printf("%-22s %-22s %-8s %-8s %-36s %s%n", b.buildId(), b.createdAt(), short7(b.trunkSha()),
                    nz(b.status()), nz(b.version()), String.join(" ", b.stream()));
        }
    }

    public static void print(ReleaseManifest m, PrintStream out) {
        out.printf("build %s  created %s  candidate %s%n", m.buildId(), m.createdAt(), nz(m.candidateSha()));
        if (m.trunk() != null) out.printf("  trunk      %s#%s @ %s%n", m.trunk().url(), m.trunk().branch(), m.trunk().sha());
        for (BranchHead b : m.branches()) {
            out.printf("  %-10s %s @ %s  %s%n", b.status(), b.name(), b.sha(), b.url());
        }
        out.println();
        if (m.packages() == null) {
            out.println("packages: none yet");
        } else {
            out.printf("packages %s in apt snapshot %s:%n", m.packages().version(), m.packages().snapshot());
            for (ReleaseManifest.PackageEntry p : m.packages().packages()) {
                out.printf("  %-24s %s %s sha256 %s%n", p.name(), p.version(), p.architecture(), p.sha256());
            }
        }
        out.printf("puppet manifests @ %s%n", nz(m.puppetCommit()));
        out.printf("pipeline @ %s%n", m.pipelineCommits().isEmpty() ? "-" : String.join(", ", m.pipelineCommits()));
        out.println();
        out.println("runs:");
        for (ReleaseManifest.RunResult r : m.runs()) {
            out.printf("  %s %s on %s: %s%n", r.runId(), r.pipeline(), nz(r.target()), r.status());
            for (ReleaseManifest.StageResult s : r.stages()) {
                out.printf("    %-14s %-10s %s%n", s.name(), s.status(), nz(s.message()));
            }
        }
        out.println("deploys:");
        if (m.deploys().isEmpty()) out.println("  none");
        for (ReleaseManifest.Deploy d : m.deploys()) {
            out.printf("  %s %s: %s, %d/%d hosts upgraded, %d failed, by %s at %s%n", d.environment(), d.rolloutId(),
                    d.status(), d.hostsDone(), d.hosts(), d.hostsFailed(), d.by(), d.startedAt());
        }
        out.println("promotions:");
        if (m.promotions().isEmpty()) out.println("  none");
        for (Promotion p : m.promotions()) {
            out.printf("  %s to %s: %s, requested by %s at %s%s%s%n", p.id(), p.environment(), p.status(),
                    p.requestedBy(), p.requestedAt(), p.approvedBy() == null ? "" : ", approved by " + p.approvedBy(),
                    p.message().isEmpty() ? "" : " — " + p.message());
        }
        out.println();
        out.print("value stream:");
        for (ReleaseManifest.Step s : m.stream()) out.print(" " + s.station() + "[" + s.state() + "]");
        out.println();
    }

    static String short7(String sha) {
        return sha == null ? "-" : sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    static String nz(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
