package io.inception.engine.merge;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A merge case: a base commit, trunk's commit on top of it and a custom branch's commit on top of
 * it, built as a real repository with the git CLI (branches {@code main} and {@code feature}).
 *
 * @param alreadyMerged merge the feature into main before the train runs (an up-to-date branch)
 */
record MergeScenario(String name, FileModel base, UnaryOperator<FileModel> trunk, UnaryOperator<FileModel> branch,
                     boolean alreadyMerged) {

    static MergeScenario of(String name, FileModel base, UnaryOperator<FileModel> trunk, UnaryOperator<FileModel> branch) {
        return new MergeScenario(name, base, trunk, branch, false);
    }

    /** Builds the repository in {@code dir}; trunk is authored by Alice, the branch by Bob. */
    Path build(GitCli git, Path dir) {
        git.init(dir);
        base.writeTo(dir);
        git.commitAll(dir, "base");
        git.run(dir, "checkout", "-q", "-b", "feature");
        branch.apply(base.copy()).writeTo(dir);
        git.commitAll(dir, "feature work", "Bob Branch", "bob@example.com");
        git.run(dir, "checkout", "-q", "main");
        trunk.apply(base.copy()).writeTo(dir);
        git.commitAll(dir, "trunk work", "Alice Trunk", "alice@example.com");
        if (alreadyMerged) {
            git.run(dir, "merge", "-q", "--no-edit", "feature");
        }
        return dir;
    }

    @Override
    public String toString() {
        return name;
    }
}
