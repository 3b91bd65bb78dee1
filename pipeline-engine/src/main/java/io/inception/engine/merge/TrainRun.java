package io.inception.engine.merge;

import io.inception.engine.merge.MergeTrainException.Kind;
import io.inception.engine.merge.RenameAwareMerger.ConflictedPath;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One execution of a {@link MergeTrain}: lock the work dir, fetch, merge in order, push, report. */
final class TrainRun {
    private static final Logger LOG = LoggerFactory.getLogger(TrainRun.class);
    private static final String TRUNK_REF = "refs/inception/trunk";
    private static final String BRANCH_REF = "refs/inception/branches/";
    private static final String CANDIDATE_REF = "refs/inception/candidate";
    /** Criss-cross histories deeper than this use the first merge-base instead of a virtual one. */
    private static final int MAX_VIRTUAL_BASE_DEPTH = 3;

    private final MergeTrain.Settings s;
    private final String buildId;
    private final Instant now;

    TrainRun(MergeTrain.Settings settings, String buildId) {
        this.s = settings;
        this.buildId = buildId;
        this.now = settings.clock().instant();
    }

    MergeReport run() {
        Path lockFile = s.workDir().resolve("train.lock");
        try {
            Files.createDirectories(s.workDir());
        } catch (IOException e) {
            throw new MergeTrainException(Kind.WORK_DIR, "work dir", "cannot create work dir " + s.workDir() + ": " + e.getMessage(), e);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(channel);
             Repository repo = openRepository()) {
            return runLocked(repo);
        } catch (IOException e) {
            throw new MergeTrainException(Kind.WORK_DIR, "work dir", "merge train work dir " + s.workDir() + ": " + e.getMessage(), e);
        }
    }

    private FileLock tryLock(FileChannel channel) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            throw new MergeTrainException(Kind.WORK_DIR, "work dir", "another merge train is running in " + s.workDir()
                    + "; wait for it or use another --work-dir");
        }
        return lock;
    }

    private Repository openRepository() throws IOException {
        Path gitDir = s.workDir().resolve("repo.git");
        Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setBare().build();
        if (!Files.exists(gitDir.resolve("HEAD"))) {
            repo.create(true);
        }
        return repo;
    }

    private MergeReport runLocked(Repository repo) throws IOException {
        GitRemotes remotes = new GitRemotes(repo);
        long started = System.nanoTime(); // durations for the log only; dates come from the clock
        ObjectId trunkHead = remotes.fetch(s.trunk(), TRUNK_REF);
        List<ObjectId> heads = new ArrayList<>();
        for (int i = 0; i < s.branches().size(); i++) {
            heads.add(remotes.fetch(s.branches().get(i), BRANCH_REF + i));
        }
        long fetched = System.nanoTime();
        List<BranchReport> reports = new ArrayList<>();
        Set<ObjectId> ownMerges = new HashSet<>();
        boolean failed = false;
        ObjectId candidate = trunkHead;
        try (ObjectInserter inserter = repo.newObjectInserter(); ObjectReader reader = inserter.newReader()) {
            RenameAwareMerger merger = new RenameAwareMerger(reader, inserter);
            CulpritFinder culprits = new CulpritFinder(repo, reader);
            for (int i = 0; i < s.branches().size(); i++) {
                RemoteBranch branch = s.branches().get(i);
                ObjectId head = heads.get(i);
                MergeOutcome outcome = mergeOne(reader, inserter, merger, culprits, candidate, head, branch, ownMerges);
                MergeStatus status;
                List<String> files = List.of();
                List<Culprit> blamed = List.of();
                if (outcome instanceof MergeOutcome.Clean clean) {
                    candidate = ObjectId.fromString(clean.commitSha());
                    ownMerges.add(candidate);
                    status = MergeStatus.MERGED;
                } else if (outcome instanceof MergeOutcome.Conflict conflict) {
                    files = conflict.files();
                    blamed = conflict.culprits();
                    status = s.policy() == ConflictPolicy.SKIP ? MergeStatus.SKIPPED : MergeStatus.CONFLICT;
                    failed |= s.policy() == ConflictPolicy.FAIL;
                } else {
                    status = MergeStatus.UP_TO_DATE;
                }
                LOG.info("branch {}: {} {}", branch.name(), status, files);
                reports.add(new BranchReport(branch.name(), branch.url(), branch.branch(), head.name(), status, files, blamed));
            }
            inserter.flush();
        }
        long merged = System.nanoTime();
        String pushedRef = null;
        String pushedSha = null;
        if (!failed) {
            RefUpdate update = repo.updateRef(CANDIDATE_REF);
            update.setNewObjectId(candidate);
            update.disableRefLog();
            update.forceUpdate();
            if (s.target() != null) {
                pushedRef = remotes.push(s.target(), candidate);
                pushedSha = candidate.name();
            }
        }
        LOG.info("build {}: fetched {} branches in {} ms, merged in {} ms, pushed in {} ms", buildId,
                heads.size() + 1, (fetched - started) / 1_000_000, (merged - fetched) / 1_000_000,
                (System.nanoTime() - merged) / 1_000_000);
        WorkRepoHousekeeping.collectIfDue(repo, WorkRepoHousekeeping.LOOSE_OBJECT_LIMIT, WorkRepoHousekeeping.PACK_LIMIT);
        TrunkReport trunk = new TrunkReport(s.trunk().url(), s.trunk().branch(), trunkHead.name());
        return new MergeReport(buildId, now, s.policy(), trunk, reports, failed, failed ? null : candidate.name(),
                pushedRef == null ? null : s.target().url(), pushedRef, pushedSha);
    }

    private MergeOutcome mergeOne(ObjectReader reader, ObjectInserter inserter, RenameAwareMerger merger,
                                  CulpritFinder culprits, ObjectId current, ObjectId head, RemoteBranch branch,
                                  Set<ObjectId> ownMerges) throws IOException {
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit ours = walk.parseCommit(current);
            RevCommit theirs = walk.parseCommit(head);
            if (walk.isMergedInto(theirs, ours)) {
                return new MergeOutcome.UpToDate();
            }
            RevTree base = virtualBase(reader, merger, ours, theirs, 0);
            if (base == null) {
                throw new MergeTrainException(Kind.UNRELATED_HISTORY, branch.name(), "branch " + branch.name()
                        + " shares no history with trunk " + s.trunk().name() + "; refusing to merge unrelated histories");
            }
            RenameAwareMerger.Result result = merger.merge(base, ours.getTree(), theirs.getTree());
            if (!result.clean()) {
                inserter.flush(); // blame reads through the repository
                List<String> files = result.conflicts().stream().map(ConflictedPath::path).toList();
                result.conflicts().forEach(c -> LOG.info("branch {}: {} conflict on {}", branch.name(), c.kind(), c.path()));
                return new MergeOutcome.Conflict(files, culprits.find(ours, theirs, result.conflicts(), ownMerges));
            }
            ObjectId commit = commit(inserter, result.tree(), "Merge " + branch.name() + " into candidate " + buildId,
                    ours, theirs);
            return new MergeOutcome.Clean(commit.name(), result.tree().name());
        }
    }

    /** The merge-base tree; with several bases (criss-cross), the clean merge of them, like git's recursive base. */
    private RevTree virtualBase(ObjectReader reader, RenameAwareMerger merger, RevCommit a, RevCommit b, int depth)
            throws IOException {
        List<RevCommit> bases = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(a));
            walk.markStart(walk.parseCommit(b));
            for (RevCommit c : walk) {
                bases.add(c);
            }
        }
        if (bases.isEmpty()) {
            return null;
        }
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit first = walk.parseCommit(bases.get(0));
            RevTree tree = first.getTree();
            if (bases.size() == 1 || depth >= MAX_VIRTUAL_BASE_DEPTH) {
                return tree;
            }
            for (RevCommit other : bases.subList(1, bases.size())) {
                RevCommit next = walk.parseCommit(other);
                RevTree baseOfBases = virtualBase(reader, merger, first, next, depth + 1);
                RenameAwareMerger.Result merged = merger.merge(baseOfBases, tree, next.getTree());
                if (!merged.clean()) {
                    LOG.warn("merge-bases {} and {} conflict; using {} as the base", first.name(), next.name(), first.name());
                    return first.getTree();
                }
                tree = walk.parseTree(merged.tree());
            }
            return tree;
        }
    }

    private ObjectId commit(ObjectInserter inserter, ObjectId tree, String message, ObjectId... parents)
            throws IOException {
        PersonIdent ident = new PersonIdent(s.name(), s.email(), now, ZoneOffset.UTC);
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        commit.setParentIds(parents);
        commit.setAuthor(ident);
        commit.setCommitter(ident);
        commit.setMessage(message + "\n");
        return inserter.insert(commit);
    }
}
