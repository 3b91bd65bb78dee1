package io.inception.engine.config;

import java.util.Objects;

/**
 * One branch of the merge train (trunk or a custom branch).
 *
 * @param name   the name reports use (unique in the list; {@code trunk} for trunk)
 * @param url    the repository URL (never carries credentials: such URLs are rejected on load)
 * @param branch the branch in that repository
 */
public record BranchSpec(String name, String url, String branch) {
    public BranchSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
    }

    /** The {@code URL#branch} form used on the command line. */
    public String ref() {
        return url + "#" + branch;
    }

    /** Parses {@code URL#branch} as given on a command line; throws with a message that hides passwords. */
    public static BranchSpec parse(String name, String urlHashBranch) {
        Problems problems = new Problems();
        YamlNode at = new YamlNode.Scalar(urlHashBranch, YamlNode.ScalarKind.STRING, Position.startOf("<command line>"));
        var parts = GitUrls.checkRef(urlHashBranch, at, name, problems);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(name + ": " + problems.sorted().get(0).message());
        }
        return new BranchSpec(name, parts.get()[0], parts.get()[1]);
    }
}
