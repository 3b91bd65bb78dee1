package io.inception.engine.merge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** Renders a {@link MergeReport} as JSON or as text for a terminal. */
final class MergeReportFormat {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private MergeReportFormat() {
    }

    static String json(MergeReport report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("merge report is not serializable", e);
        }
    }

    static String text(MergeReport r) {
        StringBuilder out = new StringBuilder();
        out.append("build ").append(r.buildId()).append(": trunk ").append(r.trunk().url()).append('#')
                .append(r.trunk().branch()).append(" at ").append(shortSha(r.trunk().sha())).append('\n');
        for (BranchReport b : r.branches()) {
            out.append(String.format("  %-10s %s at %s%n", b.status(), b.name(), shortSha(b.headSha())));
            for (String f : b.files()) {
                out.append("             conflict: ").append(f).append('\n');
            }
            for (Culprit c : b.culprits()) {
                out.append("             culprit:  ").append(shortSha(c.sha())).append(' ').append(c.author())
                        .append(" \"").append(c.subject()).append("\"\n");
            }
        }
        long conflicts = r.branches().stream().filter(b -> !b.files().isEmpty()).count();
        if (r.failed()) {
            out.append("FAILED: ").append(conflicts).append(" branch(es) conflict; nothing was pushed (--on-conflict fail)\n");
        } else {
            long skipped = r.withStatus(MergeStatus.SKIPPED).size();
            if (skipped > 0) {
                out.append("skipped ").append(skipped).append(" conflicting branch(es); the candidate leaves them out\n");
            }
            out.append("candidate ").append(r.candidateSha());
            if (r.pushedRef() != null) {
                out.append(" pushed to ").append(r.pushedTo()).append('#').append(r.pushedRef());
            } else {
                out.append(" (not pushed: no push target)");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String shortSha(String sha) {
        return sha == null ? "-" : sha.substring(0, Math.min(12, sha.length()));
    }
}
