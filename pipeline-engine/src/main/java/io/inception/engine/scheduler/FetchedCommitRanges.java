package io.inception.engine.scheduler;

import io.inception.engine.config.GitUrls;
import io.inception.engine.secret.UrlRedaction;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * {@link CommitRanges} over a bare cache of the polled repositories ({@code <cacheDir>/<hash of url>.git}):
 * the polled ref is fetched (JGit) only when the new head is not in the cache yet, so a repository is
 * cloned on its first path-filtered move and fetched incrementally after that. The URL (and its
 * password) is never written to the cache's config. One fetch at a time per cache repository in this JVM;
 * automatic gc is off in the caches (they only grow by what the polled branches gain).
 */
public final class FetchedCommitRanges implements CommitRanges {
    private static final ConcurrentMap<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path cacheDir;
    private final Duration timeout;

    /**
     * @param cacheDir where the bare caches live (created when needed)
     * @param timeout  network timeout of one fetch
     */
    public FetchedCommitRanges(Path cacheDir, Duration timeout) {
        this.cacheDir = cacheDir;
        this.timeout = timeout;
    }

    /** Caches in {@code $INCEPTION_HOME/cache/trigger-git} (or {@code ./.inception/cache/trigger-git}). */
    public static FetchedCommitRanges inDefaultCache() {
        String home = System.getenv("INCEPTION_HOME");
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(".inception");
        return new FetchedCommitRanges(base.resolve("cache").resolve("trigger-git"), Duration.ofSeconds(120));
    }

    @Override
    public void keep(String repoUrl, String ref, String sha) throws BranchHeads.BranchHeadException {
        Path dir = cacheDir(repoUrl);
        synchronized (LOCKS.computeIfAbsent(dir, d -> new Object())) {
            try (Repository repo = open(dir)) {
                if (!repo.getObjectDatabase().has(ObjectId.fromString(sha))) fetch(repo, repoUrl, ref);
            } catch (IOException e) {
                throw unreadable(repoUrl, ref, dir, e);
            }
        }
    }

    @Override
    public RangeChanges changes(String repoUrl, String ref, String fromSha, String toSha, PathFilter filter)
            throws BranchHeads.BranchHeadException {
        Path dir = cacheDir(repoUrl);
        synchronized (LOCKS.computeIfAbsent(dir, d -> new Object())) {
            try (Repository repo = open(dir)) {
                ObjectId to = ObjectId.fromString(toSha);
                if (!repo.getObjectDatabase().has(to)) fetch(repo, repoUrl, ref);
                if (!repo.getObjectDatabase().has(to)) {
                    throw new BranchHeads.BranchHeadException("commit " + toSha + " of " + ref + " is not in "
                            + UrlRedaction.redact(repoUrl) + " any more (the branch moved while it was fetched)", null);
                }
                ObjectId from = ObjectId.fromString(fromSha);
                if (!repo.getObjectDatabase().has(from)) {
                    return new Unknown("the last seen commit " + TriggerScheduler.abbreviate(fromSha)
                            + " is not in the history of " + ref + " (rewritten?), so what changed cannot be told");
                }
                return walk(repo, from, to, filter);
            } catch (IOException e) {
                throw unreadable(repoUrl, ref, dir, e);
            }
        }
    }

    private Path cacheDir(String repoUrl) {
        return cacheDir.resolve(GitUrls.cacheKey(repoUrl) + ".git").toAbsolutePath().normalize();
    }

    private static BranchHeads.BranchHeadException unreadable(String repoUrl, String ref, Path dir, IOException e) {
        return new BranchHeads.BranchHeadException("cannot read the commits of " + ref + " in "
                + UrlRedaction.redact(repoUrl) + " (cache " + dir + "): "
                + UrlRedaction.redact(String.valueOf(e.getMessage()), repoUrl), null);
    }

    private static Repository open(Path dir) throws IOException {
        Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
        if (!Files.isDirectory(dir.resolve("objects"))) {
            Files.createDirectories(dir.getParent());
            repo.create(true);
            // No automatic gc, and its check not detached: JGit would run it in a background thread after a
            // fetch, racing the next fetch (and a deleted cache).
            repo.getConfig().setInt("gc", null, "auto", 0);
            repo.getConfig().setBoolean("gc", null, "autoDetach", false);
            repo.getConfig().save();
        }
        return repo;
    }

    private void fetch(Repository repo, String repoUrl, String ref) throws BranchHeads.BranchHeadException {
        try {
            Git.wrap(repo).fetch().setRemote(repoUrl).setRefSpecs(new RefSpec("+" + ref + ":" + ref))
                    .setTimeout((int) Math.max(1, timeout.toSeconds())).call();
        } catch (Exception e) {
            throw new BranchHeads.BranchHeadException("cannot fetch " + ref + " of " + UrlRedaction.redact(repoUrl)
                    + ": " + UrlRedaction.redact(String.valueOf(e.getMessage()), repoUrl), null);
        }
    }

    private static RangeChanges walk(Repository repo, ObjectId from, ObjectId to, PathFilter filter) throws IOException {
        int looked = 0;
        try (RevWalk rw = new RevWalk(repo)) {
            rw.markStart(rw.parseCommit(to));
            rw.markUninteresting(rw.parseCommit(from));
            for (RevCommit c : rw) {
                looked++;
                String path = firstCountedChange(repo, c, c.getParents(), rw, filter);
                if (path != null) return new Touched(c.name(), path, looked);
            }
            // No commit of the range changed a counted path; but a branch moved back, or rewritten, drops
            // commits the range does not show: compare the two heads' trees as well.
            RevCommit newHead = rw.parseCommit(to);
            String path = firstCountedChange(repo, newHead, new RevCommit[] {rw.parseCommit(from)}, rw, filter);
            if (path != null) return new Differs(path);
        }
        return new Untouched(looked);
    }

    /** The first path {@code c} changed against every one of {@code parents} that {@code filter} counts, or null. */
    private static String firstCountedChange(Repository repo, RevCommit c, RevCommit[] parents, RevWalk rw,
                                             PathFilter filter) throws IOException {
        try (TreeWalk tw = new TreeWalk(repo)) {
            tw.setRecursive(true);
            tw.setFilter(TreeFilter.ANY_DIFF);
            tw.addTree(c.getTree());
            if (parents.length == 0) tw.addTree(new EmptyTreeIterator());
            for (RevCommit parent : parents) tw.addTree(rw.parseCommit(parent).getTree());
            while (tw.next()) {
                if (differsFromEveryParent(tw) && filter.counts(tw.getPathString())) return tw.getPathString();
            }
        }
        return null;
    }

    private static boolean differsFromEveryParent(TreeWalk tw) {
        for (int i = 1; i < tw.getTreeCount(); i++) {
            if (tw.idEqual(0, i) && tw.getRawMode(0) == tw.getRawMode(i)) return false;
        }
        return true;
    }
}
