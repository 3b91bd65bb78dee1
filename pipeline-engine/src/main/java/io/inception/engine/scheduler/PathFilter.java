package io.inception.engine.scheduler;

import java.util.List;
import java.util.Optional;

/**
 * Which changed files make a trunk-moved trigger fire: a path counts when it matches one of
 * {@code paths} (or {@code paths} is empty) and none of {@code ignore}. {@link #ANY} counts every path.
 *
 * @param paths  the {@code paths:} globs; empty for every path
 * @param ignore the {@code paths-ignore:} globs
 */
public record PathFilter(List<PathGlob> paths, List<PathGlob> ignore) {
    /** No filter: any change counts. */
    public static final PathFilter ANY = new PathFilter(List.of(), List.of());

    public PathFilter {
        paths = List.copyOf(paths);
        ignore = List.copyOf(ignore);
    }

    /** A filter of globs as written; throws IllegalArgumentException for a malformed one. */
    public static PathFilter of(List<String> paths, List<String> ignore) {
        return new PathFilter(paths.stream().map(PathGlob::parse).toList(), ignore.stream().map(PathGlob::parse).toList());
    }

    /** Whether there is nothing to filter (every change counts). */
    public boolean isAny() {
        return paths.isEmpty() && ignore.isEmpty();
    }

    /** Whether a change to {@code path} counts. */
    public boolean counts(String path) {
        return (paths.isEmpty() || paths.stream().anyMatch(g -> g.matches(path)))
                && ignore.stream().noneMatch(g -> g.matches(path));
    }

    /** The glob of {@code paths} that {@code path} matches, if any (for messages). */
    public Optional<PathGlob> matching(String path) {
        return paths.stream().filter(g -> g.matches(path)).findFirst();
    }

    /** E.g. {@code paths [puppet/**] ignoring [**}{@code /*.md]}, for logs. */
    public String describe() {
        String p = paths.isEmpty() ? "any path" : "paths " + paths;
        return ignore.isEmpty() ? p : p + " ignoring " + ignore;
    }
}
