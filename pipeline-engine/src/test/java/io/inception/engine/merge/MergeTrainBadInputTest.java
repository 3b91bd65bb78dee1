package io.inception.engine.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.inception.engine.merge.MergeTrainException.Kind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gives a typed error that names the branch and says what is wrong, and never shows a
 * password, not in the message, not in the causes, not in the report or the log.
 */
class MergeTrainBadInputTest {
    private static final String SECRET = "s3cr3t-Pa55";

    @TempDir
    Path tmp;
    private GitCli git;
    private Path trunk;

    @BeforeEach
    void setUp() {
        git = new GitCli(tmp);
        trunk = git.init(tmp.resolve("trunk"));
        GitCli.write(trunk, "README", "hello\n");
        git.commitAll(trunk, "initial");
    }

    private MergeTrainException failure(RemoteBranch branch) {
        return catchThrowableOfType(MergeTrainException.class, () -> MergeTrain.in(tmp.resolve("work"))
                .trunk(RemoteBranch.parse(trunk + "#main")).branches(List.of(branch)).run());
    }

    @Test
    void unreachableUrlWithCredentialsNamesTheBranchAndHidesThePassword() {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        MergeTrainException e;
        try {
            e = failure(RemoteBranch.parse("https://deploy:" + SECRET + "@127.0.0.1:1/nova.git#rax-prod"));
        } finally {
            System.setOut(stdout);
        }
        assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("rax-prod").contains("127.0.0.1:1/nova.git").doesNotContain(SECRET);
        assertThat(e.branchName()).doesNotContain(SECRET);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("rax-prod").doesNotContain(SECRET);
    }

    @Test
    void credentialsAreTakenOutOfTheUrlAndNeverPrinted() {
        RemoteBranch b = RemoteBranch.parse("https://deploy:" + SECRET + "@git.example.com/nova.git#master");
        assertThat(b.url()).isEqualTo("https://git.example.com/nova.git");
        assertThat(b.user()).isEqualTo("deploy");
        assertThat(b.password().reveal()).isEqualTo(SECRET);
        assertThat(b.toString()).doesNotContain(SECRET);
        assertThat(b.name()).doesNotContain(SECRET);
        assertThat(String.valueOf(b.password())).isEqualTo("***");
    }

    @Test
    void relativePathsAreTakenFromTheWorkingDirectory() {
        RemoteBranch b = RemoteBranch.parse("repos/nova.git#main");
        assertThat(b.url()).isEqualTo(Path.of("repos/nova.git").toAbsolutePath().normalize().toString());
        assertThat(RemoteBranch.parse("git@git.example.com:nova.git#main").url()).isEqualTo("git@git.example.com:nova.git");
    }

    @Test
    void malformedSpecNamesItWithoutThePassword() {
        MergeTrainException e = catchThrowableOfType(MergeTrainException.class,
                () -> RemoteBranch.parse("https://deploy:" + SECRET + "@git.example.com/nova.git"));
        assertThat(e.kind()).isEqualTo(Kind.BAD_INPUT);
        assertThat(e.getMessage()).contains("URL#branch").contains("git.example.com/nova.git").doesNotContain(SECRET);
    }

    @Test
    void missingPathIsNotARepository() {
        MergeTrainException e = failure(RemoteBranch.parse(tmp.resolve("nowhere") + "#feature"));
        assertThat(e.kind()).isIn(Kind.NOT_A_REPOSITORY, Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("nowhere").contains("feature");
    }

    @Test
    void plainDirectoryIsNotARepository() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain-dir"));
        Files.writeString(plain.resolve("file.txt"), "not git");
        MergeTrainException e = failure(RemoteBranch.parse(plain.toUri() + "#feature"));
        assertThat(e.kind()).isIn(Kind.NOT_A_REPOSITORY, Kind.UNREACHABLE);
        assertThat(e.getMessage()).contains("plain-dir").contains("feature").contains("not a git repository");
    }

    @Test
    void missingBranchIsNamed() {
        MergeTrainException e = failure(RemoteBranch.of("rax", trunk.toString(), "no-such-branch"));
        assertThat(e.kind()).isEqualTo(Kind.MISSING_BRANCH);
        assertThat(e.branchName()).isEqualTo("rax");
        assertThat(e.getMessage()).contains("rax").contains("has no branch 'no-such-branch'");
    }

    @Test
    void unrelatedHistoryIsRefused() {
        Path stranger = git.init(tmp.resolve("stranger"));
        GitCli.write(stranger, "other", "x\n");
        git.commitAll(stranger, "unrelated");
        MergeTrainException e = failure(RemoteBranch.parse(stranger + "#main"));
        assertThat(e.kind()).isEqualTo(Kind.UNRELATED_HISTORY);
        assertThat(e.getMessage()).contains("stranger").contains("unrelated");
    }

    @Test
    void targetWithTheRefCheckedOutIsRefusedAndLeftAlone() {
        Path checkedOut = git.init(tmp.resolve("target-wt"));
        GitCli.write(checkedOut, "local.txt", "work in progress\n");
        String before = git.commitAll(checkedOut, "someone's work");
        MergeTrainException e = catchThrowableOfType(MergeTrainException.class, () -> MergeTrain.in(tmp.resolve("work"))
                .trunk(RemoteBranch.parse(trunk + "#main"))
                .pushTo(RemoteBranch.parse(checkedOut + "#main")).run());
        assertThat(e.kind()).isEqualTo(Kind.TARGET_REJECTED);
        assertThat(e.getMessage()).contains("checked out").contains("target-wt");
        assertThat(git.run(checkedOut, "rev-parse", "HEAD")).isEqualTo(before);
    }

    @Test
    void aSecondTrainInTheSameWorkDirIsRefused() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("busy"));
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(work.resolve("train.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = ch.lock()) {
            MergeTrainException e = catchThrowableOfType(MergeTrainException.class, () -> MergeTrain.in(work)
                    .trunk(RemoteBranch.parse(trunk + "#main")).run());
            assertThat(e.kind()).isEqualTo(Kind.WORK_DIR);
            assertThat(e.getMessage()).contains("another merge train is running in " + work);
        }
    }

    @Test
    void lockedTargetRefIsReported() throws Exception {
        Path bare = tmp.resolve("locked.git");
        git.run(tmp, "init", "-q", "--bare", bare.toString());
        Files.createDirectories(bare.resolve("refs/heads"));
        Files.writeString(bare.resolve("refs/heads/candidate.lock"), "");
        MergeTrainException e = catchThrowableOfType(MergeTrainException.class, () -> MergeTrain.in(tmp.resolve("work"))
                .trunk(RemoteBranch.parse(trunk + "#main"))
                .pushTo(RemoteBranch.parse(bare + "#candidate")).run());
        assertThat(e.kind()).isEqualTo(Kind.TARGET_REJECTED);
        assertThat(e.getMessage()).contains("locked.git").contains("refs/heads/candidate");
        assertThat(git.exec(bare, "rev-parse", "--verify", "-q", "refs/heads/candidate").exitCode()).isNotZero();
    }
}
