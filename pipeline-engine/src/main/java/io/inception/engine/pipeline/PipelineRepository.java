package io.inception.engine.pipeline;

import io.inception.engine.config.GitUrls;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pipelines as code: configuration read through JGit from a git repository at a ref, or from a
 * plain directory. The porcelain:
 * <pre>{@code
 * try (PipelineRepository repo = PipelineRepository.open("/srv/inception")) {
 *     PipelineDef def = repo.at("main").pipeline("trunk-to-qe");   // def.commit() = the SHA of main
 * }
 * }</pre>
 * Local paths are opened in place; remote URLs are mirrored into a cache directory. Templates named
 * by {@code uses:} are read from their libraries through {@link GitLibraries}.
 */
public final class PipelineRepository implements AutoCloseable {
    private final Repository repo;
    private final String location;
    private final Path workTree;
    private final Path directory;
    private final StageTypes types;
    private final GitLibraries libraries;
    private final boolean ownsResources;

    private PipelineRepository(Repository repo, String location, Path workTree, Path directory, StageTypes types,
                               GitLibraries libraries, boolean ownsResources) {
        this.repo = repo;
        this.location = location;
        this.workTree = workTree;
        this.directory = directory;
        this.types = types;
        this.libraries = libraries;
        this.ownsResources = ownsResources;
    }

    /** Opens a git repository by local path or URL, mirroring remote ones under the default cache. */
    public static PipelineRepository open(String pathOrUrl) {
        return open(pathOrUrl, GitRepos.defaultCache());
    }

    /** Opens a git repository by local path or URL; remote ones and libraries are mirrored under {@code cacheDir}. */
    public static PipelineRepository open(String pathOrUrl, Path cacheDir) {
        try {
            if (GitRepos.isRemote(pathOrUrl)) {
                if (GitUrls.hasCredentials(pathOrUrl)) {
                    throw new PipelineSourceException("credentials embedded in URL '" + GitUrls.redact(pathOrUrl)
                            + "': use an SSH key or a git credential helper");
                }
                Repository r = GitRepos.mirror(pathOrUrl, cacheDir);
                return new PipelineRepository(r, pathOrUrl, null, null, StageTypes.discover(), new GitLibraries(cacheDir), true);
            }
            Path dir = Path.of(pathOrUrl).toAbsolutePath().normalize();
            Repository r = GitRepos.openLocal(dir);
            Path work = r.isBare() ? null : r.getWorkTree().toPath();
            return new PipelineRepository(r, pathOrUrl, work, null, StageTypes.discover(), new GitLibraries(cacheDir), true);
        } catch (GitRepos.GitAccessException e) {
            throw new PipelineSourceException(e.getMessage());
        }
    }

    /** A plain directory (not read through git): {@link #workingTree()} reads its files as they are. */
    public static PipelineRepository directory(Path dir) {
        if (!Files.isDirectory(dir)) throw new PipelineSourceException("no such directory: " + dir);
        return new PipelineRepository(null, dir.toString(), null, dir, StageTypes.discover(),
                new GitLibraries(GitRepos.defaultCache()), true);
    }

    /** The same repository checking stages against {@code stageTypes}. */
    public PipelineRepository withStageTypes(StageTypes stageTypes) {
        return new PipelineRepository(repo, location, workTree, directory, stageTypes, libraries, false);
    }

    /** The catalogue stages are checked against. */
    public StageTypes stageTypes() {
        return types;
    }

    /** The configuration at {@code ref}: a branch, a tag or a (possibly abbreviated) commit SHA. */
    public PipelineSnapshot at(String ref) {
        if (repo == null) throw new PipelineSourceException(location + " is a plain directory, not a git repository: no ref '" + ref + "'");
        ObjectId id = GitRepos.resolve(repo, ref).orElseThrow(() -> new PipelineSourceException(
                "ref '" + ref + "' not found in " + GitUrls.redact(location) + ": use a branch, a tag or a commit SHA"));
        return new PipelineSnapshot(new ConfigTree.Git(repo, GitUrls.redact(location), id, workTree), types, libraries);
    }

    /** The files as they are on disk (uncommitted changes included); pipelines read here have no commit. */
    public PipelineSnapshot workingTree() {
        Path root = directory != null ? directory : workTree;
        if (root == null) throw new PipelineSourceException(location + " has no working tree: name a ref");
        return new PipelineSnapshot(new ConfigTree.Directory(root, root.toString()), types, libraries);
    }

    @Override
    public void close() {
        if (!ownsResources) return;
        libraries.close();
        if (repo != null) repo.close();
    }
}
