package io.inception.engine.pipeline;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Real git repositories made with JGit for the tests. */
final class GitFixtures {
    private GitFixtures() {
    }

    /** The test resource folder {@code name} on disk. */
    static Path resource(String name) {
        try {
            return Path.of(GitFixtures.class.getResource("/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    static Git init(Path dir) throws Exception {
        Files.createDirectories(dir);
        return Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
    }

    static RevCommit commitAll(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("Tester", "tester@example.com")
                .setCommitter("Tester", "tester@example.com").setSign(false).call();
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /**
     * The library of test resources {@code library/} as a git repository: tag {@code v1} holds the
     * templates as written; {@code main} then moves on (unit-test's default timeout becomes 25m).
     *
     * @return the commit tagged v1
     */
    static RevCommit library(Path dir) throws Exception {
        try (Git git = init(dir)) {
            copyTree(resource("library"), dir);
            RevCommit v1 = commitAll(git, "templates v1");
            git.tag().setName("v1").setObjectId(v1).setAnnotated(true).setMessage("v1").setSigned(false).call();
            Path unitTest = dir.resolve("templates/unit-test.yaml");
            Files.writeString(unitTest, Files.readString(unitTest).replace("default: 20m", "default: 25m"));
            commitAll(git, "unit-test: longer default timeout");
            return v1;
        }
    }
}
