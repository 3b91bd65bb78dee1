package io.inception.engine.unittest;

import io.inception.engine.wait.WaitStrategy;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.revwalk.RevCommit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** A real git repository made with JGit, holding small shell test scripts. */
final class TestRepository implements AutoCloseable {
    /** Writes a Surefire report and passes: 3 tests, 1 skipped. */
    static final String PASSING = """
            mkdir -p target/surefire-reports
            cat > target/surefire-reports/TEST-io.example.CalcTest.xml <<'XML'
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuite name="io.example.CalcTest" tests="3" failures="0" errors="0" skipped="1" time="0.1">
              <testcase name="adds" classname="io.example.CalcTest"/>
              <testcase name="subtracts" classname="io.example.CalcTest"/>
              <testcase name="divides" classname="io.example.CalcTest"><skipped/></testcase>
            </testsuite>
            XML
            echo "tests passed at $(cat VERSION)"
            """;
    /** pytest-style wrapper with one failure and one error; exits 1. */
    static final String FAILING = """
            mkdir -p build
            cat > build/TEST-pytest.xml <<'XML'
            <?xml version="1.0" encoding="utf-8"?>
            <testsuites><testsuite name="pytest" errors="1" failures="1" skipped="0" tests="5" time="0.2">
              <testcase classname="test_calc" name="test_add"/>
              <testcase classname="test_calc" name="test_div"><failure message="assert 1 == 2"/></testcase>
            </testsuite></testsuites>
            XML
            echo "FAILED test_calc.py::test_div - assert 1 == 2" >&2
            exit 1
            """;

    final Path dir;
    final Git git;

    TestRepository(Path dir) throws Exception {
        this.dir = dir;
        this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("master").call();
    }

    RevCommit commit(String message, String... pathsAndContents) throws Exception {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = dir.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
            git.add().addFilepattern(pathsAndContents[i]).call();
        }
        return git.commit().setMessage(message).setAuthor("Dev", "dev@example.org")
                .setCommitter("Dev", "dev@example.org").call();
    }

    /** Points a ref outside refs/heads at {@code commit}, as the merge train's push may do. */
    void setRef(String ref, RevCommit commit) throws Exception {
        RefUpdate u = git.getRepository().updateRef(ref);
        u.setNewObjectId(commit);
        u.forceUpdate();
    }

    @Override
    public void close() {
        git.close();
    }

    /** Polls {@code condition} every 50 ms until it has a value or the timeout; for tests only. */
    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> condition) throws InterruptedException {
        return WaitStrategy.of(timeout, Duration.ofMillis(50)).poll(what, condition).orElseThrow(AssertionError::new);
    }

    /** True once the process is gone (polls with a timeout). */
    static boolean gone(long pid) throws InterruptedException {
        return await("process " + pid + " to be gone", Duration.ofSeconds(15),
                () -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
                        ? Optional.empty() : Optional.of(true));
    }
}
