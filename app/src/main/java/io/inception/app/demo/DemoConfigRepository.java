package io.inception.app.demo;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The demo's configuration repository: the shipped {@code trunk-to-qe} pipeline, package specs and Puppet
 * manifests, the {@code local} environment rendered for the running sandbox ({@link DemoEnvironment}), a
 * {@code branches.yaml} naming the sample repositories, and a {@code triggers.yaml}, committed so the
 * pipeline is read through git like any other.
 */
public final class DemoConfigRepository {
    /**
     * The stage the demo leaves out: the manifests' unit test compiles a catalog per role with real Puppet in a
     * container of the project image (1–2 minutes, and only where Docker and the image are), which does not fit
     * the demo's budget; {@code inception run trunk-to-qe} and {@code ManifestTestContainersIT} run it.
     */
    static final String MANIFEST_TEST = "manifest-test";

    /** The comment line of the shipped pipeline where its QE deploy stages begin. */
    static final String QE_DEPLOY = "  # QE deploy:";

    private DemoConfigRepository() {
    }

    /**
     * The build half only: the pipeline up to its {@code package} stage (no QE deploy, which needs a
     * sandbox) and the shipped {@code local} environment file. For tests of the merge train and the CLI.
     */
    public static Path create(Path dir, SampleRepos.Layout repos, Path sourceRoot, Clock clock)
            throws IOException, GitAPIException {
        return create(dir, repos, sourceRoot, null, clock);
    }

    /**
     * A git repository holding the pipeline, the environment and a branch list naming the sample repos;
     * with a sandbox, the whole pipeline and the environment rendered for that sandbox.
     */
    public static Path create(Path dir, SampleRepos.Layout repos, Path sourceRoot, DemoSandbox sandbox, Clock clock)
            throws IOException, GitAPIException {
        Path env = dir.resolve("environments");
        Files.createDirectories(env.resolve("pipelines"));
        Files.createDirectories(env.resolve("environments"));
        Path shipped = sourceRoot.resolve("environments");
        if (!Files.isRegularFile(shipped.resolve("pipelines/trunk-to-qe.yaml"))) {
            throw new IOException("no environments/pipelines/trunk-to-qe.yaml under " + sourceRoot
                    + ": run the demo through ./inception at the repository root, or set INCEPTION_SOURCE_ROOT");
        }
        String pipeline = Files.readString(shipped.resolve("pipelines/trunk-to-qe.yaml"));
        if (sandbox == null) {
            int deploy = pipeline.indexOf(QE_DEPLOY);
            if (deploy < 0) throw new IOException("no '" + QE_DEPLOY + "' line in the shipped trunk-to-qe.yaml");
            pipeline = pipeline.substring(0, deploy);
            Files.copy(shipped.resolve("environments/local.yaml"), env.resolve("environments/local.yaml"));
        } else {
            pipeline = withoutStage(pipeline, MANIFEST_TEST);
            Files.writeString(env.resolve("environments/local.yaml"), DemoEnvironment.render(sandbox));
        }
        Files.writeString(env.resolve("pipelines/trunk-to-qe.yaml"), pipeline);
        copyTree(shipped.resolve("packages"), env.resolve("packages")); // package specs and maintainer scripts
        copyTree(shipped.resolve("puppet"), env.resolve("puppet")); // manifests, pinned to this repository's commit
        StringBuilder branches = new StringBuilder("""
                # The demo's merge train: the sample trunk and its custom branches, merged in this order.
                trunk: %s#%s
                branches:
                """.formatted(repos.trunk(), repos.trunkBranch()));
        for (SampleRepos.Branch b : repos.branches()) {
            branches.append("  - name: ").append(b.name()).append('\n')
                    .append("    url: ").append(b.repo()).append('\n')
                    .append("    branch: ").append(b.branch()).append('\n');
        }
        branches.append("""
                test:
                  command: sh tests/run.sh
                  junit: "test-reports/*.xml"
                  timeout: 5m
                """);
        Files.writeString(env.resolve("branches.yaml"), branches.toString());
        Files.writeString(env.resolve("triggers.yaml"), """
                triggers:
                  - name: trunk-moved
                    trunk-moved: {poll: 1m}
                """);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call()) {
            git.add().addFilepattern(".").call();
            PersonIdent who = new PersonIdent("Inception demo", "demo@inception.invalid", clock.instant(), ZoneOffset.UTC);
            git.commit().setMessage("Demo configuration").setAuthor(who).setCommitter(who).setSign(false).call();
        }
        return dir;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
    }

    /** The pipeline text without the stage named {@code name} (its block up to the next stage or comment). */
    static String withoutStage(String pipeline, String name) {
        String start = "  - name: " + name + "\n";
        int from = pipeline.indexOf(start);
        if (from < 0) return pipeline;
        int to = pipeline.length();
        for (String next : new String[] {"\n  - name: ", "\n  # "}) {
            int i = pipeline.indexOf(next, from + start.length() - 1);
            if (i >= 0) to = Math.min(to, i + 1);
        }
        // the comment lines right above the stage belong to it
        int commentStart = from;
        while (commentStart > 0) {
            int lineStart = pipeline.lastIndexOf('\n', commentStart - 2) + 1;
            if (!pipeline.startsWith("  # ", lineStart)) break;
            commentStart = lineStart;
        }
        return pipeline.substring(0, commentStart) + pipeline.substring(to);
    }
}
