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
 * The demo's configuration repository: the shipped {@code trunk-to-qe} pipeline and {@code local}
 * environment, a {@code branches.yaml} naming the sample repositories, and a {@code triggers.yaml},
 * committed so the pipeline is read through git like any other.
 */
public final class DemoConfigRepository {
    private DemoConfigRepository() {
    }

    /** A git repository holding the pipeline, the environment and a branch list naming the sample repos. */
    public static Path create(Path dir, SampleRepos.Layout repos, Path sourceRoot, Clock clock)
            throws IOException, GitAPIException {
        Path env = dir.resolve("environments");
        Files.createDirectories(env.resolve("pipelines"));
        Files.createDirectories(env.resolve("environments"));
        Path shipped = sourceRoot.resolve("environments");
        if (!Files.isRegularFile(shipped.resolve("pipelines/trunk-to-qe.yaml"))) {
            throw new IOException("no environments/pipelines/trunk-to-qe.yaml under " + sourceRoot
                    + ": run the demo through ./inception at the repository root, or set INCEPTION_SOURCE_ROOT");
        }
        Files.copy(shipped.resolve("pipelines/trunk-to-qe.yaml"), env.resolve("pipelines/trunk-to-qe.yaml"));
        Files.copy(shipped.resolve("environments/local.yaml"), env.resolve("environments/local.yaml"));
        try (var specs = Files.walk(shipped.resolve("packages"))) { // package specs and maintainer scripts
            for (Path spec : specs.filter(Files::isRegularFile).toList()) {
                Path to = env.resolve("packages").resolve(shipped.resolve("packages").relativize(spec).toString());
                Files.createDirectories(to.getParent());
                Files.copy(spec, to);
            }
        }
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

}
