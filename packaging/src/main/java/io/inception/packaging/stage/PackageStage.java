package io.inception.packaging.stage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.engine.model.Build;
import io.inception.engine.pipeline.PipelineFiles;
import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;
import io.inception.packaging.Packaging;
import io.inception.packaging.apt.AptSnapshot;
import io.inception.packaging.apt.PublishException;
import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Candidate;
import io.inception.packaging.deb.SpecException;
import io.inception.packaging.version.BuildVersion;
import io.inception.packaging.version.InvalidVersionException;
import io.inception.packaging.version.UpstreamVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stage type {@code package}: checks out the build's candidate, builds one .deb per spec, publishes the
 * snapshot {@code builds/<build-id>} and, with parameter {@code point}, points that suite (e.g. {@code qe})
 * at it. Parameters (all optional): {@code specs} (folder, default the one given to the constructor),
 * {@code upstream-file} (default {@code nova/version.py}), {@code revision} (default 1), {@code point}.
 *
 * <p>The version is {@code <upstream>+git<build time>.<sha7>-<revision>} and the packages are
 * byte-identical for the same candidate, so a stage re-run after a crash republishes the same snapshot
 * (a no-op) instead of failing. The report is kept in the checkpoint {@value #REPORT}.
 */
public final class PackageStage implements Stage {
    public static final String TYPE = "package";
    static final String REPORT = "package.report";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Packaging packaging;
    private final Path specsDir;
    private final Path workRoot;

    /**
     * @param packaging the repository and key
     * @param specsDir  default package specs folder ({@code environments/packages})
     * @param workRoot  where checkouts are made (removed after the stage)
     */
    public PackageStage(Packaging packaging, Path specsDir, Path workRoot) {
        this.packaging = packaging;
        this.specsDir = specsDir;
        this.workRoot = workRoot;
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** The report of a finished run, from the stage's checkpoints. */
    public static Optional<PackageReport> report(io.inception.engine.stage.CheckpointStore checkpoints)
            throws IOException {
        Optional<String> json = checkpoints.get(REPORT);
        return json.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(json.get(), PackageReport.class));
    }

    @Override
    public StageResult execute(StageContext context) throws Exception {
        Optional<PackageReport> done = report(context.checkpoints());
        if (done.isPresent()) return StageResult.succeeded(done.get().summary(), done.get());
        Optional<Build> bound = context.build();
        if (bound.isEmpty() || bound.get().candidateSha() == null || bound.get().candidateRepo() == null) {
            return StageResult.Failed.permanent("package: the run has no pushed candidate to package (run the merge"
                    + " stage with 'push' first)");
        }
        Build build = bound.get();
        context.cancellation().throwIfCancelled();
        Files.createDirectories(workRoot);
        Path checkout = Files.createTempDirectory(workRoot, "package-" + build.id() + "-");
        try {
            CandidateCheckout.create(build.candidateRepo(), build.candidateSha(), checkout);
            String upstreamFile = context.params().optionalString("upstream-file").orElse("nova/version.py");
            int revision = (int) context.params().optional("revision", Number.class).map(Number::longValue).orElse(1L)
                    .longValue();
            BuildVersion version = new BuildVersion(UpstreamVersion.fromPythonFile(checkout.resolve(upstreamFile)),
                    build.createdAt(), build.candidateSha(), revision);
            Path specs = specsFor(context, checkout.resolveSibling(checkout.getFileName() + "-specs"));
            List<BuiltPackage> built = packaging.packageCandidate(specs, new Candidate(checkout,
                    version.toDebianVersion(), version.timestamp(),
                    List.of("Build " + build.id() + ": candidate " + build.candidateSha())),
                    context.artifacts().directory());
            built.forEach(p -> context.log().info("built " + p.file().getFileName() + " (" + p.size() + " bytes, sha256 "
                    + p.sha256() + ")"));
            AptSnapshot snapshot = packaging.publish(build.id(), built);
            String suite = context.params().optionalString("point").orElse(null);
            if (suite != null) packaging.point(suite, build.id());
            PackageReport report = new PackageReport(build.id(), version.toString(), built.stream()
                    .map(p -> new PackageReport.PackageRecord(p.name(), p.version(), p.architecture(), p.size(),
                            p.sha256(), p.file().toString())).toList(), snapshot.distribution(), suite);
            context.checkpoints().put(REPORT, JSON.writeValueAsString(report));
            context.log().info(report.summary());
            return StageResult.succeeded(report.summary(), report);
        } catch (SpecException e) {
            e.problems().forEach(p -> context.log().error(p.toString()));
            return StageResult.Failed.permanent("package specs have errors: " + e.getMessage());
        } catch (io.inception.engine.pipeline.PipelineSourceException e) {
            return StageResult.Failed.permanent("package: " + e.getMessage());
        } catch (InvalidVersionException | PublishException e) {
            return StageResult.Failed.permanent("package: " + e.getMessage());
        } catch (IOException e) {
            return StageResult.Failed.transientFailure("package: " + e.getMessage());
        } finally {
            deleteTree(checkout);
            deleteTree(checkout.resolveSibling(checkout.getFileName() + "-specs"));
        }
    }

    /**
     * The package specs: the folder named by {@code specs} (default {@code environments/packages})
     * as it is at the pipeline's commit, like every other configuration file of the run; the
     * constructor's folder when the pipeline was not read from a repository.
     */
    private Path specsFor(StageContext context, Path scratch) throws IOException {
        String dir = context.params().optionalString("specs").orElse("environments/packages");
        if (context.pipeline() == null || context.pipeline().repo() == null) {
            return context.params().optionalString("specs").map(Path::of).orElse(specsDir);
        }
        int n = PipelineFiles.export(context.pipeline(), dir, scratch);
        context.log().info("package specs: " + n + " file(s) of " + dir + " at the pipeline's commit");
        return scratch;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
