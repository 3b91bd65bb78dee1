package io.inception.packaging.stage;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.RefSpec;

import java.io.IOException;
import java.nio.file.Path;

/** A fresh checkout (JGit) of one commit of the candidate repository, detached, without .git use afterwards. */
final class CandidateCheckout {
    private CandidateCheckout() {
    }

    /**
     * @throws IOException when the repository cannot be read or has no such commit; the message names both
     */
    static void create(String repoUrl, String sha, Path dir) throws IOException {
        try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
            git.fetch().setRemote(repoUrl).setRefSpecs(new RefSpec("+refs/*:refs/inception/*")).call();
            ObjectId id = git.getRepository().resolve(sha + "^{commit}");
            if (id == null) throw new IOException("commit " + sha + " is not in " + repoUrl);
            git.checkout().setName(id.name()).call();
        } catch (GitAPIException e) {
            throw new IOException("cannot check out " + sha + " from " + repoUrl + ": " + e.getMessage(), e);
        }
    }
}
