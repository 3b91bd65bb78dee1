package io.inception.engine.merge;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * The merge train: fetches trunk and an ordered list of custom branches, merges each branch in
 * order on top of the result so far (following renames like {@code git merge}), and pushes the
 * candidate commit. Immutable; each {@code withX}/setter returns a new train.
 *
 * <pre>{@code
 * MergeReport report = MergeTrain.in(workDir)
 *         .trunk(RemoteBranch.parse("https://git.example.com/nova.git#master"))
 *         .branches(List.of(RemoteBranch.parse("/srv/git/nova-rax.git#rax")))
 *         .onConflict(ConflictPolicy.SKIP)
 *         .pushTo(RemoteBranch.parse("/srv/git/candidates.git#refs/heads/candidate"))
 *         .run();
 * }</pre>
 *
 * Conflicts are values in the report; {@link MergeTrainException} is thrown only for bad input
 * (unreachable or non-git URL, missing branch, refused target), always naming the branch.
 */
public final class MergeTrain {
    /** Who the merge commits are by unless {@link #withIdentity} says otherwise. */
    public static final String DEFAULT_NAME = "Inception merge train";
    public static final String DEFAULT_EMAIL = "merge-train@inception.invalid";
    private static final DateTimeFormatter BUILD_ID = DateTimeFormatter.ofPattern("'b-'yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Everything a run needs. */
    record Settings(Path workDir, RemoteBranch trunk, List<RemoteBranch> branches, ConflictPolicy policy,
                    RemoteBranch target, Clock clock, String name, String email, String buildId) {
    }

    private final Settings s;

    private MergeTrain(Settings settings) {
        this.s = settings;
    }

    /** A train that keeps its local repository (a cache of fetched objects) under {@code workDir}. */
    public static MergeTrain in(Path workDir) {
        return new MergeTrain(new Settings(Objects.requireNonNull(workDir, "workDir"), null, List.of(),
                ConflictPolicy.FAIL, null, Clock.systemUTC(), DEFAULT_NAME, DEFAULT_EMAIL, null));
    }

    public MergeTrain trunk(RemoteBranch trunk) {
        return new MergeTrain(new Settings(s.workDir(), trunk, s.branches(), s.policy(), s.target(), s.clock(),
                s.name(), s.email(), s.buildId()));
    }

    /** The custom branches, merged in this order. */
    public MergeTrain branches(List<RemoteBranch> branches) {
        return new MergeTrain(new Settings(s.workDir(), s.trunk(), List.copyOf(branches), s.policy(), s.target(),
                s.clock(), s.name(), s.email(), s.buildId()));
    }

    public MergeTrain onConflict(ConflictPolicy policy) {
        return new MergeTrain(new Settings(s.workDir(), s.trunk(), s.branches(), Objects.requireNonNull(policy),
                s.target(), s.clock(), s.name(), s.email(), s.buildId()));
    }

    /** Where the candidate goes ({@code URL#ref}); without a target nothing is pushed. */
    public MergeTrain pushTo(RemoteBranch target) {
        return new MergeTrain(new Settings(s.workDir(), s.trunk(), s.branches(), s.policy(), target, s.clock(),
                s.name(), s.email(), s.buildId()));
    }

    /** The clock that dates the merge commits and the report. */
    public MergeTrain withClock(Clock clock) {
        return new MergeTrain(new Settings(s.workDir(), s.trunk(), s.branches(), s.policy(), s.target(),
                Objects.requireNonNull(clock), s.name(), s.email(), s.buildId()));
    }

    /** Author and committer of the merge commits. */
    public MergeTrain withIdentity(String name, String email) {
        return new MergeTrain(new Settings(s.workDir(), s.trunk(), s.branches(), s.policy(), s.target(), s.clock(),
                Objects.requireNonNull(name), Objects.requireNonNull(email), s.buildId()));
    }

    /** The build id; by default {@code b-yyyyMMdd-HHmmss} from the clock. */
    public MergeTrain withBuildId(String buildId) {
        return new MergeTrain(new Settings(s.workDir(), s.trunk(), s.branches(), s.policy(), s.target(), s.clock(),
                s.name(), s.email(), buildId));
    }

    /** Fetches, merges, pushes (unless a branch conflicts under FAIL) and reports. */
    public MergeReport run() {
        if (s.trunk() == null) {
            throw new MergeTrainException(MergeTrainException.Kind.BAD_INPUT, "trunk", "no trunk given: URL#branch");
        }
        String id = s.buildId() != null ? s.buildId() : BUILD_ID.format(s.clock().instant());
        return new TrainRun(s, id).run();
    }
}
