package io.inception.app.release;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.engine.model.Build;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.RolloutRecord;
import io.inception.engine.store.EngineJson;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.Store;
import io.inception.packaging.stage.PackageReport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Assembles {@link ReleaseManifest}s from the store: the build row, the facts its stages recorded (the
 * {@code package} stage's {@link PackageReport}, the {@code puppet} fact), its runs and their stages, the
 * rollouts of it and its promotions.
 */
public final class ReleaseManifests {
    /** The build fact holding the Puppet manifest commit. */
    public static final String PUPPET_FACT = "puppet";

    private final Store store;

    public ReleaseManifests(Store store) {
        this.store = store;
    }

    /** The manifest of {@code buildId}, or empty when there is no such build. */
    public Optional<ReleaseManifest> of(String buildId) {
        return store.builds().find(buildId).map(this::assemble);
    }

    /** Short rows for the newest builds, newest first. */
    public List<BuildSummary> list(int limit) {
        return store.builds().list(limit).stream().map(b -> BuildSummary.of(assemble(b))).toList();
    }

    private ReleaseManifest assemble(Build build) {
        List<Run> runs = store.runs().ofBuild(build.id());
        List<ReleaseManifest.RunResult> results = new ArrayList<>();
        LinkedHashSet<String> pipelineCommits = new LinkedHashSet<>();
        String packageStage = null;
        for (Run run : runs) {
            List<StageRun> stages = store.stages().list(run.id());
            for (StageRun s : stages) {
                if (s.type().equals("package") && packageStage == null) packageStage = s.name();
            }
            if (run.pipelineCommit() != null) pipelineCommits.add(run.pipelineCommit());
            results.add(new ReleaseManifest.RunResult(run.id(), run.pipeline(), run.pipelineCommit(), run.target(),
                    run.status(), run.createdAt(), run.finishedAt(), stages.stream()
                    .map(s -> new ReleaseManifest.StageResult(s.name(), s.type(), s.status(), s.attempt(), s.message(),
                            s.startedAt(), s.finishedAt())).toList()));
        }
        Map<String, String> facts = store.builds().facts(build.id());
        ReleaseManifest.Packages packages = packages(facts.get(packageStage == null ? "package" : packageStage));
        List<ReleaseManifest.Deploy> deploys = deploys(build.id(), runs);
        List<Promotion> promotions = store.promotions().ofBuild(build.id());
        ReleaseManifest draft = new ReleaseManifest(build.id(), build.createdAt(), build.trunk(), build.branches(),
                build.candidateSha(), packages, puppetCommit(facts.get(PUPPET_FACT)), List.copyOf(pipelineCommits),
                results, deploys, promotions, List.of());
        return new ReleaseManifest(draft.buildId(), draft.createdAt(), draft.trunk(), draft.branches(),
                draft.candidateSha(), draft.packages(), draft.puppetCommit(), draft.pipelineCommits(), draft.runs(),
                draft.deploys(), draft.promotions(), ValueStream.of(draft, facts));
    }

    private static ReleaseManifest.Packages packages(String json) {
        if (json == null) return null;
        PackageReport report = EngineJson.read(json, PackageReport.class);
        return new ReleaseManifest.Packages(report.version(), report.distribution(), report.packages().stream()
                .map(p -> new ReleaseManifest.PackageEntry(p.name(), p.version(), p.architecture(), p.size(),
                        p.sha256())).toList());
    }

    /**
     * The Puppet commit from the {@code puppet} fact: the puppet stage's report ({@code manifests.commit}),
     * a {@code commit} (or {@code manifestCommit}) field, or the fact itself when it is a plain string.
     */
    public static String puppetCommit(String json) {
        if (json == null) return null;
        JsonNode node = EngineJson.read(json, JsonNode.class);
        if (node.isTextual()) return node.asText();
        if (node.path("manifests").hasNonNull("commit")) return node.get("manifests").get("commit").asText();
        for (String field : List.of("commit", "manifestCommit", "manifestsCommit")) {
            if (node.hasNonNull(field)) return node.get(field).asText();
        }
        return null;
    }

    private List<ReleaseManifest.Deploy> deploys(String buildId, List<Run> runs) {
        List<ReleaseManifest.Deploy> deploys = new ArrayList<>();
        List<RolloutRecord> rollouts = new ArrayList<>(store.rollouts().list());
        java.util.Collections.reverse(rollouts);
        for (RolloutRecord r : rollouts) {
            if (!buildId.equals(r.spec().buildId())) continue;
            List<HostRecord> hosts = store.rollouts().hosts(r.id());
            long done = hosts.stream().filter(h -> h.phase() == io.inception.engine.rollout.HostPhase.DONE).count();
            long failed = hosts.stream().filter(h -> h.phase().isFailure()).count();
            String by = runs.stream().filter(run -> r.spec().environment().equals(run.target()))
                    .map(run -> "run " + run.id()).reduce((a, b) -> b).orElse("rollout " + r.id());
            deploys.add(new ReleaseManifest.Deploy(r.spec().environment(), r.id(), r.status(), r.message(),
                    r.createdAt(), r.updatedAt(), hosts.size(), (int) done, (int) failed, by));
        }
        return deploys;
    }
}
