package io.inception.engine.pipeline;

import io.inception.engine.config.GitUrls;
import io.inception.engine.config.Suggestions;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads library templates through JGit: {@code templates/<name>.yaml} (or {@code <name>.yaml} at the
 * root) of the library's repository at a tag, branch or SHA. Local paths are opened in place;
 * remote URLs (and {@code file://}) are mirrored into a cache directory and fetched once per
 * instance. Close it to release the repositories.
 */
public final class GitLibraries implements TemplateLookup, AutoCloseable {
    private final Path cacheDir;
    private final Map<String, Repository> open = new HashMap<>();
    private final Map<String, String> failures = new HashMap<>();

    /** Libraries mirrored under {@code cacheDir}. */
    public GitLibraries(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Libraries mirrored under {@code $INCEPTION_HOME/cache/git} (or {@code ./.inception/cache/git}). */
    public static GitLibraries withDefaultCache() {
        return new GitLibraries(GitRepos.defaultCache());
    }

    @Override
    public synchronized Result find(Library library, String template, String ref) {
        String location;
        if (GitRepos.isRemote(library.url())) {
            location = library.url();
        } else if (Path.of(library.url()).isAbsolute()) {
            location = Path.of(library.url()).normalize().toString();
        } else if (library.baseDir() != null) {
            location = library.baseDir().resolve(library.url()).normalize().toString();
        } else {
            return new Missing("library '" + library.name() + "' has a relative URL, which needs a pipeline file on disk");
        }
        Repository repo = open.get(location);
        if (repo == null) {
            String failed = failures.get(location);
            if (failed != null) return new Missing(failed);
            try {
                repo = GitRepos.isRemote(location) ? GitRepos.mirror(location, cacheDir) : GitRepos.openLocal(Path.of(location));
                open.put(location, repo);
            } catch (GitRepos.GitAccessException e) {
                String message = "library '" + library.name() + "': " + e.getMessage();
                failures.put(location, message);
                return new Missing(message);
            }
        }
        Optional<ObjectId> commit = GitRepos.resolve(repo, ref);
        if (commit.isEmpty()) {
            return new Missing("ref '" + ref + "' not found in library '" + library.name() + "' ("
                    + GitUrls.redact(library.url()) + "): use a tag, a branch or a commit SHA");
        }
        List<String> candidates = List.of("templates/" + template + ".yaml", "templates/" + template + ".yml",
                template + ".yaml");
        try {
            for (String path : candidates) {
                Optional<String> text = GitRepos.read(repo, commit.get(), path);
                if (text.isPresent()) {
                    return new Found(text.get(), library.name() + ":" + path + "@" + ref, commit.get().name());
                }
            }
            List<String> known = GitRepos.list(repo, commit.get(), "templates").stream()
                    .map(p -> p.substring("templates/".length()).replaceAll("\\.ya?ml$", ""))
                    .filter(n -> !n.contains("/")).toList();
            return new Missing("template '" + template + "' not found in library '" + library.name() + "' at " + ref
                    + Suggestions.didYouMean(template, known) + " (looked for templates/" + template + ".yaml)");
        } catch (IOException e) {
            return new Missing("library '" + library.name() + "': cannot read " + ref + ": " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        open.values().forEach(Repository::close);
        open.clear();
    }
}
