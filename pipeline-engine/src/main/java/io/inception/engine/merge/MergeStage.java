package io.inception.engine.merge;

import io.inception.engine.config.BranchList;
import io.inception.engine.config.BranchSpec;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.pipeline.PipelineFiles;
import io.inception.engine.stage.Parameters;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The {@code merge} stage: runs the merge train over the branch list the pipeline names (read at
 * the pipeline's commit), pushes the candidate, and binds the new build to the run.
 *
 * <p>Parameters: {@code branches-file} (default {@code environments/branches.yaml}),
 * {@code on-conflict} ({@code fail} | {@code skip}, default skip), {@code push} ({@code URL#ref};
 * default: a bare repository {@code candidates.git} under the work root, ref
 * {@code refs/heads/builds/<build-id>}).
 *
 * <p>Resuming after a crash re-runs the train with the same build id (kept in a checkpoint): the
 * train's inputs are the same commits and its push is a forced update of the build's own ref, so
 * running it twice gives the same result.
 */
public final class MergeStage implements Stage {
    public static final String TYPE = "merge";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path workRoot;
    private final Clock clock;

    /**
     * @param workRoot where the train keeps its work repositories and the default candidate repository
     * @param clock    dates build ids and merge commits
     */
    public MergeStage(Path workRoot, Clock clock) {
        this.workRoot = workRoot;
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public StageResult execute(StageContext context) throws IOException, GitAPIException {
        Parameters p = context.params();
        String buildId = context.checkpoints().get("build-id").orElseGet(() -> {
            String id = "b-" + STAMP.format(clock.instant()) + "-" + suffix(context.runId());
            context.checkpoints().put("build-id", id);
            return id;
        });
        String file = p.optionalString("branches-file").orElse("environments/branches.yaml");
        BranchList list;
        try {
            list = PipelineFiles.branches(context.pipeline(), file);
        } catch (RuntimeException e) { // unreadable or invalid branch list: the message names file, line and field
            return StageResult.Failed.permanent("cannot read the branch list " + file + ": " + e.getMessage());
        }
        ConflictPolicy policy = "fail".equals(p.optionalString("on-conflict").orElse("skip"))
                ? ConflictPolicy.FAIL : ConflictPolicy.SKIP;
        RemoteBranch target = p.optionalString("push").map(spec -> RemoteBranch.parse("push target", spec))
                .orElseGet(() -> defaultTarget(buildId));

        context.log().info("merging " + list.branches().size() + " custom branch(es) into trunk "
                + list.trunk().url() + "#" + list.trunk().branch() + " as build " + buildId);
        MergeReport report;
        try {
            report = MergeTrain.in(workRoot.resolve("merge").resolve(safe(context.pipeline().name() + "-"
                            + context.environment().name())))
                    .trunk(remote(list.trunk(), "trunk"))
                    .branches(list.branches().stream().map(b -> remote(b, b.name())).toList())
                    .onConflict(policy)
                    .pushTo(target)
                    .withClock(clock)
                    .withBuildId(buildId)
                    .run();
        } catch (MergeTrainException e) {
            boolean retry = e.kind() == MergeTrainException.Kind.UNREACHABLE;
            return new StageResult.Failed(e.getMessage(), retry);
        }
        Files.writeString(context.artifacts().directory().resolve("merge-report.json"), report.toJson());
        Files.writeString(context.artifacts().directory().resolve("merge-report.txt"), report.toText());
        for (BranchReport b : report.branches()) {
            String line = b.status() + " " + b.name() + (b.files().isEmpty() ? "" : " files " + b.files())
                    + (b.culprits().isEmpty() ? "" : " culprits " + b.culprits().stream()
                    .map(c -> c.sha().substring(0, 7) + " \"" + c.subject() + "\" (" + c.author() + ")").toList());
            if (b.status() == MergeStatus.CONFLICT) context.log().warn(line);
            else context.log().info(line);
        }
        context.bindBuild(build(report));
        if (report.failed()) {
            List<String> names = report.withStatus(MergeStatus.CONFLICT).stream().map(BranchReport::name).toList();
            return StageResult.Failed.permanent("conflict in " + String.join(", ", names)
                    + " with on-conflict: fail; nothing was pushed (see merge-report.txt)");
        }
        return StageResult.succeeded(summary(report), report);
    }

    /** The build record: trunk, every branch with its status, and where the candidate is. */
    static Build build(MergeReport report) {
        Build b = report.toBuild();
        List<BranchHead> heads = b.branches();
        return new Build(b.id(), b.trunk(), heads, b.candidateSha(), report.pushedTo(), b.createdAt());
    }

    static String summary(MergeReport report) {
        long merged = report.withStatus(MergeStatus.MERGED).size();
        long upToDate = report.withStatus(MergeStatus.UP_TO_DATE).size();
        List<String> skipped = report.withStatus(MergeStatus.SKIPPED).stream().map(BranchReport::name).toList();
        List<String> conflicts = report.withStatus(MergeStatus.CONFLICT).stream().map(BranchReport::name).toList();
        StringBuilder s = new StringBuilder("build " + report.buildId() + ": " + merged + " merged");
        if (upToDate > 0) s.append(", ").append(upToDate).append(" up to date");
        if (!conflicts.isEmpty()) s.append(", conflict: ").append(String.join(", ", conflicts));
        if (!skipped.isEmpty()) s.append(", skipped: ").append(String.join(", ", skipped));
        s.append("; candidate ").append(report.candidateSha() == null ? "none" : report.candidateSha().substring(0, 7));
        return s.toString();
    }

    private RemoteBranch defaultTarget(String buildId) {
        Path repo = workRoot.resolve("candidates.git");
        if (!Files.isDirectory(repo.resolve("objects"))) {
            try {
                Files.createDirectories(repo.getParent());
                Git.init().setBare(true).setDirectory(repo.toFile()).call().close();
            } catch (IOException | GitAPIException e) {
                throw new MergeTrainException(MergeTrainException.Kind.WORK_DIR, "push target",
                        "cannot create the candidate repository " + repo + ": " + e.getMessage(), e);
            }
        }
        return RemoteBranch.of("push target", repo.toString(), "refs/heads/builds/" + buildId);
    }

    private static RemoteBranch remote(BranchSpec spec, String name) {
        return RemoteBranch.parse(name, spec.url() + "#" + spec.branch());
    }

    private static String suffix(String runId) {
        String s = runId.replaceAll("[^A-Za-z0-9]", "");
        return s.length() <= 4 ? s : s.substring(s.length() - 4);
    }

    private static String safe(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }
}
