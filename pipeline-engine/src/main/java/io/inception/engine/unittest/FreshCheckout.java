package io.inception.engine.unittest;

import io.inception.engine.scheduler.UrlRedaction;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.transport.URIish;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A new clone of a repository with a commit checked out detached, made with JGit. The commit may be
 * on any ref — a branch, a tag, or a ref outside {@code refs/heads} where the merge train pushed the
 * candidate: it is first looked up in the cloned branches and tags, then fetched by id, then among
 * all refs of the remote.
 */
final class FreshCheckout {
    private FreshCheckout() {
    }

    static void create(String repoUrl, String sha, Path dir) throws UnitTestSetupException {
        String where = UrlRedaction.redact(repoUrl);
        // init + fetch rather than clone: a candidate repository (bare, only build refs) may have no HEAD
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            git.remoteAdd().setName("origin").setUri(new URIish(repoUrl)).call();
            git.fetch().setRemote("origin").setTagOpt(TagOpt.FETCH_TAGS)
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*")).call();
            ObjectId commit = resolve(git.getRepository(), sha);
            if (commit == null) commit = fetchAndResolve(git, sha, sha + ":refs/inception/candidate");
            if (commit == null) commit = fetchAndResolve(git, sha, "+refs/*:refs/inception/remote/*");
            if (commit == null) {
                throw new UnitTestSetupException("commit " + sha + " not found in " + where
                        + " (looked in its branches, tags and all other refs)", false);
            }
            // Detach HEAD at the commit, then reset --hard to fill index and work tree: JGit's checkout
            // would read the empty index of a no-checkout clone as local deletions and refuse.
            RefUpdate detach = git.getRepository().updateRef(Constants.HEAD, true);
            detach.setNewObjectId(commit);
            detach.forceUpdate();
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.name()).call();
        } catch (InvalidRemoteException | java.net.URISyntaxException e) {
            throw new UnitTestSetupException("cannot clone " + where + ": not a git repository or not reachable ("
                    + UrlRedaction.redact(chain(e), repoUrl) + ")", false);
        } catch (GitAPIException | IOException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            throw new UnitTestSetupException("cannot check out " + sha + " from " + where + ": "
                    + UrlRedaction.redact(chain(e), repoUrl), true);
        }
    }

    private static ObjectId fetchAndResolve(Git git, String sha, String refSpec) {
        try {
            git.fetch().setRemote("origin").setRefSpecs(new RefSpec(refSpec)).call();
            return resolve(git.getRepository(), sha);
        } catch (GitAPIException | RuntimeException e) {
            return null; // servers may refuse a want by id or a ref pattern; the caller tries the next way
        }
    }

    private static ObjectId resolve(Repository repo, String sha) {
        try {
            return repo.resolve(sha + "^{commit}");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 400; t = t.getCause()) {
            if (!sb.isEmpty()) sb.append(": ");
            sb.append(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return sb.toString();
    }
}
