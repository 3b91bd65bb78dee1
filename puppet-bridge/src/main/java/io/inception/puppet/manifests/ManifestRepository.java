package io.inception.puppet.manifests;

import io.inception.engine.secret.UrlRedaction;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Puppet manifest repository read through JGit (a local folder is read from the repository that holds it): {@link #pin} resolves a ref to a commit once, and
 * {@link #tree} exports the manifest folder at exactly that commit, so a later apply (staging)
 * gets the same files whatever the branch has become. A remote repository is mirrored (bare) under
 * the cache folder and fetched on every {@link #open}.
 */
public final class ManifestRepository implements AutoCloseable {
    private final Repository repo;
    private final String shown;

    private ManifestRepository(Repository repo, String shown) {
        this.repo = repo;
        this.shown = shown;
    }

    /** Opens a local repository (work tree or bare), or mirrors a remote URL under {@code cacheDir}. */
    public static ManifestRepository open(String pathOrUrl, Path cacheDir) {
        String shown = UrlRedaction.redactUserInfo(pathOrUrl);
        try {
            if (!pathOrUrl.matches("[A-Za-z][A-Za-z0-9+.-]*://.*|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:.*")) {
                // the repository holding this folder (a subfolder or a linked worktree of it is fine)
                var builder = new org.eclipse.jgit.storage.file.FileRepositoryBuilder().findGitDir(Path.of(pathOrUrl).toAbsolutePath().toFile());
                if (builder.getGitDir() == null) throw new ManifestException("not a git repository: " + shown);
                return new ManifestRepository(builder.setMustExist(true).build(), shown);
            }
            Path dir = cacheDir.resolve("puppet-" + hash(pathOrUrl) + ".git");
            if (Files.isDirectory(dir)) {
                Git git = Git.open(dir.toFile());
                git.fetch().setRemote(pathOrUrl).setRefSpecs(new RefSpec("+refs/heads/*:refs/heads/*"),
                        new RefSpec("+refs/tags/*:refs/tags/*")).setRemoveDeletedRefs(true).call();
                return new ManifestRepository(git.getRepository(), shown);
            }
            Files.createDirectories(cacheDir);
            return new ManifestRepository(Git.cloneRepository().setURI(pathOrUrl).setDirectory(dir.toFile())
                    .setBare(true).setMirror(true).call().getRepository(), shown);
        } catch (ManifestException e) {
            throw e;
        } catch (IOException | GitAPIException | RuntimeException e) {
            throw new ManifestException("cannot read the manifest repository " + shown + ": "
                    + String.valueOf(e.getMessage()).replace(pathOrUrl, shown));
        }
    }

    /** Resolves {@code ref} (branch, tag or SHA) to the commit the build will use. */
    public ManifestCommit pin(String ref, String path) {
        ObjectId id = resolve(ref).orElseThrow(() -> new ManifestException("the manifest repository " + shown
                + " has no branch, tag or commit '" + ref + "'"));
        return new ManifestCommit(shown, ref, id.name(), path);
    }

    /** The files of {@code commit.path()} at {@code commit.commit()}. */
    public ManifestTree tree(ManifestCommit commit) {
        try (RevWalk walk = new RevWalk(repo); TreeWalk tree = new TreeWalk(repo)) {
            RevCommit c = walk.parseCommit(ObjectId.fromString(commit.commit()));
            tree.addTree(c.getTree());
            tree.setRecursive(true);
            String prefix = commit.path().isEmpty() ? "" : commit.path() + "/";
            if (!prefix.isEmpty()) tree.setFilter(PathFilter.create(commit.path()));
            Map<String, byte[]> files = new LinkedHashMap<>();
            while (tree.next()) {
                if ((tree.getRawMode(0) & 0170000) != 0100000) continue; // regular files only (no links, submodules)
                files.put(tree.getPathString().substring(prefix.length()), repo.open(tree.getObjectId(0)).getBytes());
            }
            if (!files.containsKey("manifests/site.pp")) {
                throw new ManifestException("no manifests/site.pp under '" + commit.path() + "' of " + shown + " at " + commit.shortCommit());
            }
            return ManifestTree.of(commit, files);
        } catch (IOException e) {
            throw new ManifestException("cannot read " + shown + " at " + commit.shortCommit() + ": " + e.getMessage());
        }
    }

    private Optional<ObjectId> resolve(String ref) {
        try {
            for (String candidate : List.of(ref, Constants.R_HEADS + ref, Constants.R_TAGS + ref)) {
                if (!candidate.startsWith(Constants.R_REFS) || !Repository.isValidRefName(candidate)) continue;
                var r = repo.exactRef(candidate);
                if (r != null && r.getObjectId() != null) return Optional.of(commitOf(r.getObjectId()));
            }
            if (!ref.matches("[0-9a-fA-F]{4,40}") && !ref.equals("HEAD")) return Optional.empty();
            return Optional.ofNullable(repo.resolve(ref + "^{commit}"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private ObjectId commitOf(ObjectId id) throws IOException {
        try (RevWalk walk = new RevWalk(repo)) {
            return walk.parseCommit(id).getId();
        }
    }

    private static String hash(String url) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        repo.close();
    }
}
