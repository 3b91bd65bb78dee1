package io.inception.engine.merge;

import java.util.Properties;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the train's work repository fast across many runs: every run adds loose objects (merged
 * blobs, trees, merge commits) and fetched packs, and JGit does not collect garbage by itself. Like
 * {@code git gc --auto}, it packs when git's default thresholds are passed.
 */
final class WorkRepoHousekeeping {
    private static final Logger LOG = LoggerFactory.getLogger(WorkRepoHousekeeping.class);
    /** git's gc.auto and gc.autoPackLimit defaults. */
    static final long LOOSE_OBJECT_LIMIT = 6700;
    static final long PACK_LIMIT = 50;

    private WorkRepoHousekeeping() {
    }

    /** JGit puts numbers, not strings, into these properties. */
    static long count(Properties stats, String key) {
        return stats.get(key) instanceof Number n ? n.longValue() : 0;
    }

    /** Packs the repository if it has more loose objects or packs than the limits; returns whether it did. */
    static boolean collectIfDue(Repository repo, long looseLimit, long packLimit) {
        try (Git git = Git.wrap(repo)) {
            Properties stats = git.gc().getStatistics();
            long loose = count(stats, "numberOfLooseObjects");
            long packs = count(stats, "numberOfPackFiles");
            if (loose <= looseLimit && packs <= packLimit) {
                return false;
            }
            LOG.info("packing the merge train's work repository {} ({} loose objects, {} packs)",
                    repo.getDirectory(), loose, packs);
            git.gc().call();
            return true;
        } catch (GitAPIException | RuntimeException e) {
            // the candidate is already pushed: a failed clean-up must not fail the build
            LOG.warn("could not pack the work repository {}: {}", repo.getDirectory(), e.getMessage());
            return false;
        }
    }
}
