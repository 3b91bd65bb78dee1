package io.inception.app.cli;

import io.inception.packaging.Packaging;
import io.inception.packaging.apt.AptSnapshot;
import io.inception.packaging.apt.PublishException;
import io.inception.packaging.apt.SuitePointer;
import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Candidate;
import io.inception.packaging.deb.SpecException;
import io.inception.packaging.deb.SpecProblem;
import io.inception.packaging.version.BuildVersion;
import io.inception.packaging.version.DebianVersion;
import io.inception.packaging.version.UpstreamVersion;
import io.inception.app.InceptionHome;
import io.inception.engine.model.Build;
import io.inception.engine.store.Store;
import io.inception.packaging.stage.CandidateCheckout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code inception package --build ID --tree DIR (--version V | --commit SHA ...) [--publish] [--point SUITE]}:
 * builds the Debian packages of a candidate from the specs in {@code environments/packages/}, optionally
 * publishes them as the snapshot {@code builds/<ID>} and points a suite at it.
 */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Build the Debian packages of a candidate (one per spec in environments/packages/),",
                "and optionally publish them as the apt snapshot builds/<ID> and point a suite at it."},
        footer = {"", "Examples:",
                "  inception package --build b-20261127-031055-427c --publish --point qe   (the build's candidate from the store)",
                "  inception package --build b-42 --tree work/candidate --version 27.2.0+git202611270215.1a2b3c4-1",
                "  inception package --build b-42 --tree work/candidate --commit 1a2b3c4d --time 2026-11-27T02:15:00Z \\",
                "      --publish --point qe --json",
                "", "Without --version the version is <upstream>+git<yyyymmddhhmm>.<sha7>-<revision>, the upstream",
                "version read from --upstream-file (default nova/version.py in the tree) unless --upstream is given.",
                "", "Exit codes: 0 ok; 1 the build or publish failed; 2 bad input (spec, version, paths)."})
public final class PackageCommand implements Callable<Integer> {
    @Option(names = "--build", required = true, paramLabel = "ID", description = "The build id.")
    String buildId;

    @Option(names = "--tree", paramLabel = "DIR",
            description = "The candidate's checkout. Default: check out the build's candidate as recorded in the store"
                    + " (its candidate repository and SHA; the version then comes from that commit).")
    Path tree;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--version", paramLabel = "VERSION", description = "The Debian version of every package.")
    String version;

    @Option(names = "--commit", paramLabel = "SHA", description = "The candidate commit (for the computed version).")
    String commit;

    @Option(names = "--time", paramLabel = "ISO-8601",
            description = "The candidate's time, e.g. 2026-11-27T02:15:00Z. Default: now.")
    String time;

    @Option(names = "--upstream", paramLabel = "VERSION", description = "Upstream version (instead of reading it).")
    String upstream;

    @Option(names = "--upstream-file", paramLabel = "FILE", defaultValue = "nova/version.py",
            description = "File in the tree declaring VERSION = '...'. Default: ${DEFAULT-VALUE}")
    String upstreamFile;

    @Option(names = "--revision", defaultValue = "1", paramLabel = "N", description = "Debian revision. Default: 1")
    int revision;

    @Option(names = "--specs", paramLabel = "DIR", description = "Package specs. Default: environments/packages")
    Path specs;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the .debs go. Default: $INCEPTION_HOME/packages/<ID>")
    Path out;

    @Option(names = "--publish", description = "Publish the packages as the snapshot builds/<ID>.")
    boolean publish;

    @Option(names = "--point", paramLabel = "SUITE", description = "Then point this suite (e.g. qe) at the snapshot.")
    String point;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Mixin
    PackagingOptions options;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public PackageCommand() {
        this(Clock.systemUTC());
    }

    public PackageCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path checkout = null;
        options.homeOverride = store.home != null ? store.home().dir() : null;
        try {
            if (tree == null) {
                Optional<Build> recorded;
                try (Store builds = store.openStore()) {
                    recorded = builds.builds().find(buildId);
                }
                if (recorded.isEmpty() || recorded.get().candidateSha() == null || recorded.get().candidateRepo() == null) {
                    return bad(err, "no build '" + buildId + "' with a pushed candidate in the store; run the pipeline"
                            + " first (inception run trunk-to-qe), or give --tree DIR with --version or --commit", List.of());
                }
                Build build = recorded.get();
                checkout = Files.createTempDirectory("inception-package-");
                CandidateCheckout.create(build.candidateRepo(), build.candidateSha(), checkout);
                tree = checkout;
                if (version == null && commit == null) {
                    commit = build.candidateSha();
                    if (time == null) time = build.createdAt().toString();
                }
            }
            if (!Files.isDirectory(tree)) return bad(err, "--tree " + tree + " is not a folder", List.of());
            DebianVersion v = version();
            Packaging packaging = options.packaging(clock);
            Path specsDir = specs != null ? specs : InceptionHome.sourceRoot().resolve("environments/packages");
            Path outDir = this.out != null ? this.out : (store.home != null ? store.home().dir() : PackagingOptions.home()).resolve("packages").resolve(buildId);
            // the same changelog text as the package stage, so the same candidate gives the same bytes
            List<String> changes = List.of("Build " + buildId + (commit != null ? ": candidate " + commit : ""));
            // a computed version carries the candidate's time to the minute; the changelog uses that same time
            Instant when = version == null ? time().truncatedTo(java.time.temporal.ChronoUnit.MINUTES) : time();
            List<BuiltPackage> built = packaging.packageCandidate(specsDir, new Candidate(tree, v, when, changes), outDir);
            AptSnapshot snapshot = publish || point != null ? packaging.publish(buildId, built) : null;
            SuitePointer pointer = point != null ? packaging.point(point, buildId) : null;
            print(out, v, built, snapshot, pointer);
            return 0;
        } catch (SpecException e) {
            return bad(err, "package specs have errors", e.problems().stream().map(SpecProblem::toString).toList());
        } catch (PublishException | IllegalArgumentException e) { // InvalidVersionException too
            return bad(err, e.getMessage(), List.of());
        } catch (IOException e) {
            err.println("package: " + e.getMessage());
            return 1;
        } finally {
            deleteQuietly(checkout);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a temp folder left behind is harmless; say nothing
        }
    }

    private DebianVersion version() throws IOException {
        if (version != null) {
            if (commit != null || upstream != null) throw new IllegalArgumentException("give --version or --commit, not both");
            return DebianVersion.parse(version);
        }
        if (commit == null) throw new IllegalArgumentException("give --version, or --commit (and --time) to compute it");
        String up = upstream != null ? upstream : UpstreamVersion.fromPythonFile(tree.resolve(upstreamFile));
        return new BuildVersion(up, time(), commit, revision).toDebianVersion();
    }

    private Instant time() {
        if (time == null) return clock.instant();
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--time '" + time + "' is not an ISO-8601 instant like 2026-11-27T02:15:00Z");
        }
    }

    private void print(PrintWriter out, DebianVersion v, List<BuiltPackage> built, AptSnapshot snapshot,
                       SuitePointer pointer) {
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("build", buildId);
            doc.put("version", v.toString());
            doc.put("packages", built.stream().map(Json::built).toList());
            doc.put("snapshot", snapshot == null ? null : Json.snapshot(snapshot));
            doc.put("pointer", pointer == null ? null : Json.pointer(pointer));
            out.println(Json.write(doc));
            return;
        }
        out.printf("build %s: %d package(s), version %s%n", buildId, built.size(), v);
        for (BuiltPackage p : built) {
            out.printf("  %-14s %-40s %9d  sha256:%s%n", p.name(), p.file().getFileName(), p.size(), p.sha256());
        }
        if (snapshot != null) out.printf("published snapshot %s in %s%n", snapshot.distribution(), options.repo());
        if (pointer != null) {
            out.printf("suite %s -> builds/%s%s%n", pointer.suite(), pointer.buildId(),
                    pointer.previousBuildId() == null ? "" : " (was builds/" + pointer.previousBuildId() + ")");
        }
    }

    private int bad(PrintWriter err, String message, List<String> problems) {
        if (json) {
            spec.commandLine().getOut().println(Json.write(Json.error(message, new ArrayList<>(problems))));
        }
        err.println("package: " + message);
        problems.forEach(p -> err.println("  " + p));
        return 2;
    }
}
