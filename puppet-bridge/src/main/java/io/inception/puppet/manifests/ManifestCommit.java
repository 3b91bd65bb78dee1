package io.inception.puppet.manifests;

/**
 * The manifests a build uses, pinned: the repository, the ref that was asked for and the commit it
 * resolved to. Stored as a fact of the build; staging applies the very same {@code commit}.
 *
 * @param repo   the repository (URL or path, without credentials)
 * @param ref    the ref as written in the environment
 * @param commit the full SHA-1
 * @param path   the folder of the repository holding {@code manifests/} and {@code modules/}
 */
public record ManifestCommit(String repo, String ref, String commit, String path) {
    /** The first 12 hex digits, for folders and messages. */
    public String shortCommit() {
        return commit.substring(0, 12);
    }
}
