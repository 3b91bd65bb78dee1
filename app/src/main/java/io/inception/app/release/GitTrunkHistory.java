package io.inception.app.release;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** {@link TrunkHistory} over a bare mirror of trunk under {@code cacheDir}, fetched on every question. */
public final class GitTrunkHistory implements TrunkHistory {
    private static final Logger LOG = LoggerFactory.getLogger(GitTrunkHistory.class);
    private final Path cacheDir;

    public GitTrunkHistory(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    @Override
    public Optional<Missing> missingFrom(String url, String branch, String deployedSha) {
        Path mirror = cacheDir.resolve(io.inception.app.access.Tokens.hash(url).substring(0, 16) + ".git");
        try {
            Files.createDirectories(mirror);
            try (Git git = Git.init().setBare(true).setGitDir(mirror.toFile()).call()) {
                git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/" + branch + ":refs/heads/" + branch))
                        .call();
                return Optional.of(count(git.getRepository(), branch, deployedSha));
            }
        } catch (IOException | GitAPIException | RuntimeException e) {
            LOG.warn("lag: cannot read trunk {}#{}: {}", url, branch, e.getMessage());
            return Optional.empty();
        }
    }

    private static Missing count(Repository repo, String branch, String deployedSha) throws IOException {
        ObjectId head = repo.resolve("refs/heads/" + branch);
        ObjectId deployed = repo.resolve(deployedSha + "^{commit}");
        if (head == null || deployed == null) {
            throw new IOException((head == null ? "no branch " + branch : "trunk has no commit " + deployedSha));
        }
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(head));
            walk.markUninteresting(walk.parseCommit(deployed));
            int n = 0;
            Instant oldest = null;
            for (RevCommit c : walk) {
                n++;
                Instant at = c.getCommitterIdent().getWhenAsInstant();
                if (oldest == null || at.isBefore(oldest)) oldest = at;
            }
            return new Missing(n, oldest);
        }
    }
}
