package io.inception.engine.pipeline;

import io.inception.engine.config.GitUrls;
import io.inception.engine.secret.UrlRedaction;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** JGit plumbing shared by the pipeline loader and the library lookup: open, mirror, resolve, read. */
final class GitRepos {
    private static final Pattern REMOTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://.*|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.*");

    private GitRepos() {
    }

    /** Something went wrong reaching a repository; the message is safe to show (no credentials). */
    static final class GitAccessException extends Exception {
        GitAccessException(String message) {
            super(message);
        }
    }

    static boolean isRemote(String url) {
        return REMOTE.matcher(url).matches();
    }

    /** Opens a local repository (work tree or bare). */
    static Repository openLocal(Path dir) throws GitAccessException {
        try {
            return Git.open(dir.toFile()).getRepository();
        } catch (RepositoryNotFoundException e) {
            throw new GitAccessException("not a git repository: " + dir);
        } catch (IOException e) {
            throw new GitAccessException("cannot open git repository " + dir + ": " + e.getMessage());
        }
    }

    /**
     * A bare mirror of a remote repository in {@code cacheDir}, cloned the first time and fetched
     * (all branches and tags) on later calls.
     */
    static Repository mirror(String url, Path cacheDir) throws GitAccessException {
        Path dir = cacheDir.resolve(GitUrls.cacheKey(url) + ".git");
        String shown = UrlRedaction.redactUserInfo(url);
        try {
            if (Files.isDirectory(dir)) {
                Git git = Git.open(dir.toFile());
                git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"),
                        new RefSpec("+refs/tags/*:refs/tags/*")).setRemoveDeletedRefs(true).call();
                return git.getRepository();
            }
            Files.createDirectories(cacheDir);
            return Git.cloneRepository().setURI(url).setDirectory(dir.toFile()).setBare(true).setMirror(true)
                    .call().getRepository();
        } catch (GitAPIException | IOException | RuntimeException e) {
            String why = String.valueOf(e.getMessage()).replace(url, shown);
            throw new GitAccessException("cannot fetch " + shown + ": " + why);
        }
    }

    /** Resolves a branch, tag, full ref or (abbreviated) SHA to a commit, or empty. */
    static Optional<ObjectId> resolve(Repository repo, String ref) {
        try {
            for (String candidate : List.of(ref, Constants.R_HEADS + ref, Constants.R_TAGS + ref,
                    Constants.R_REMOTES + "origin/" + ref)) {
                if (!candidate.startsWith(Constants.R_REFS) || !Repository.isValidRefName(candidate)) continue;
                var r = repo.exactRef(candidate);
                if (r != null && r.getObjectId() != null) return Optional.of(peel(repo, r.getObjectId()));
            }
            if (!ref.matches("[0-9a-fA-F]{4,40}") && !ref.equals("HEAD")) return Optional.empty();
            ObjectId id = repo.resolve(ref + "^{commit}");
            return Optional.ofNullable(id);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static ObjectId peel(Repository repo, ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit commit = walk.parseCommit(id);
            return commit.getId();
        }
    }

    /** The text of {@code path} at {@code commit}, or empty when there is no such file. */
    static Optional<String> read(Repository repo, ObjectId commit, String path) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            RevCommit c = walk.parseCommit(commit);
            try (TreeWalk tw = TreeWalk.forPath(repo, path, c.getTree())) {
                if (tw == null || tw.isSubtree()) return Optional.empty();
                ObjectLoader loader = repo.open(tw.getObjectId(0), Constants.OBJ_BLOB);
                return Optional.of(new String(loader.getBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** Every file path at {@code commit} under {@code prefix} ("" for all). */
    static List<String> list(Repository repo, ObjectId commit, String prefix) throws IOException {
        List<String> out = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
            tw.addTree(walk.parseCommit(commit).getTree());
            tw.setRecursive(true);
            while (tw.next()) {
                String p = tw.getPathString();
                if (prefix.isEmpty() || p.startsWith(prefix + "/")) out.add(p);
            }
        }
        return out;
    }

    /** The default cache of mirrored repositories: {@code $INCEPTION_HOME/cache/git} or {@code ./.inception/cache/git}. */
    static Path defaultCache() {
        String home = System.getenv("INCEPTION_HOME");
        return (home != null && !home.isBlank() ? Path.of(home) : Path.of(".inception")).resolve("cache").resolve("git");
    }
}
