package io.inception.app.cli;

import io.inception.app.InceptionHome;
import io.inception.app.promotion.StagingDeploy;
import io.inception.app.release.ReleaseFixture;
import io.inception.engine.store.AuditEntry;
import io.inception.engine.store.Store;
import io.inception.packaging.apt.SuitePointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code users}, {@code promote} and {@code builds} on one home, the way an operator uses them. */
class ReleaseCommandsTest {
    @TempDir
    static Path dir;
    static Path home;
    static String configRepo;

    record Result(int exit, String out, String err) { }

    @BeforeAll
    static void buildPackagedAndPassedQe() throws Exception {
        home = dir.resolve("home");
        Path specs = ReleaseFixture.packageSpecs();
        Path tree = ReleaseFixture.novaTree(dir);
        Result pkg = run(new PackageCommand(), null, "--build", "b-1", "--tree", tree.toString(), "--commit",
                "d1b2c3d4e5", "--time", "2026-11-27T03:00:00Z", "--specs", specs.toString(), "--out",
                dir.resolve("debs").toString(), "--publish", "--repo", home.resolve("apt").toString(), "--keys",
                home.resolve("keys").toString());
        assertThat(pkg.exit()).as(pkg.err()).isZero();
        try (Store store = Store.openDefault(home)) {
            ReleaseFixture.qePassedBuild(store, "b-1", Instant.parse("2026-11-27T03:00:00Z"), true);
        }
        Path config = dir.resolve("config");
        Path staging = config.resolve("environments/environments/staging.yaml");
        Files.createDirectories(staging.getParent());
        Files.copy(Path.of("../environments/environments/staging.yaml"), staging);
        try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.init().setDirectory(config.toFile()).call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("staging").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").call();
        }
        configRepo = config.toString();
    }

    static Result run(Object command, String stdin, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            if (stdin != null) System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            List<String> all = new ArrayList<>(List.of(args));
            if (!(command instanceof PackageCommand)) all.addAll(List.of("--home", home.toString()));
            int exit = new CommandLine(command).execute(all.toArray(String[]::new));
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
            System.setIn(oldIn);
        }
    }

    static Path token(String user) throws Exception {
        Result t = run(new UsersCommand(), null, "token", user, "--label", "test");
        assertThat(t.exit()).as(t.err()).isZero();
        Path file = dir.resolve(user + ".token");
        Files.writeString(file, t.out().trim());
        return file;
    }

    @Test
    void aReleaseManagerPromotesADeveloperIsDeniedAndTheManifestShowsIt() throws Exception {
        assertThat(run(new UsersCommand(), "correct horse battery\n", "add", "rita", "--role", "release-manager",
                "--password-stdin").out()).contains("added rita (release-manager)");
        assertThat(run(new UsersCommand(), "developer secret 1\n", "add", "dave", "--role", "developer",
                "--password-stdin").exit()).isZero();
        assertThat(run(new UsersCommand(), "x\n", "add", "eve", "--role", "god", "--password-stdin").err())
                .contains("unknown role 'god'");
        assertThat(run(new UsersCommand(), null, "list").out()).contains("dave", "developer", "rita", "release-manager");

        List<StagingDeploy.Request> deploys = new ArrayList<>();
        StagingDeploy fake = r -> {
            deploys.add(r);
            return new StagingDeploy.Outcome.Deployed("4 hosts upgraded, smoke 14/14");
        };
        Result denied = run(new PromoteCommand(() -> fake), null, "b-1", "--to", "staging", "--repo", configRepo, "--token-file",
                token("dave").toString());
        assertThat(denied.exit()).isEqualTo(3);
        assertThat(denied.err()).contains("denied: dave: role developer may not promote");

        Result promoted = run(new PromoteCommand(() -> fake), null, "b-1", "--to", "staging", "--repo", configRepo, "--token-file",
                token("rita").toString());
        assertThat(promoted.exit()).as(promoted.err()).isZero();
        assertThat(promoted.out()).contains("promoted b-1 to staging");
        assertThat(deploys).extracting(StagingDeploy.Request::snapshot, StagingDeploy.Request::puppetCommit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("builds/b-1", ReleaseFixture.PUPPET_COMMIT));
        Map<String, SuitePointer> pointers = new InceptionHome(home).packaging(Clock.systemUTC()).repository().pointers();
        assertThat(pointers.get("staging").buildId()).isEqualTo("b-1");

        Result show = run(new BuildsCommand(), null, "show", "b-1", "--json");
        assertThat(show.exit()).as(show.err()).isZero();
        assertThat(show.out()).contains("\"approvedBy\" : \"rita\"", "\"status\" : \"SUCCEEDED\"",
                "\"station\" : \"staging\"");
        assertThat(run(new BuildsCommand(), null, "show", "b-1").out()).contains("puppet manifests @ "
                + ReleaseFixture.PUPPET_COMMIT, "approved by rita", "staging[done]");
        assertThat(run(new BuildsCommand(), null, "list").out()).contains("b-1");
        assertThat(run(new BuildsCommand(), null, "show", "b-404").exit()).isEqualTo(2);

        try (Store store = Store.openDefault(home)) {
            List<AuditEntry> audit = store.audit().list(20);
            assertThat(audit).extracting(e -> e.actor() + " " + e.action() + " " + e.outcome())
                    .contains("dave promote DENIED", "rita promote ALLOWED", "cli:" + System.getProperty("user.name")
                            + " users.add ALLOWED");
            assertThat(audit.toString()).doesNotContain("correct horse", "inc_");
            assertThat(store.users().find("rita").orElseThrow().passwordHash()).startsWith("$argon2id$v=19$")
                    .doesNotContain("correct horse");
        }
    }

    @Test
    void withoutATokenNobodyPromotes() {
        Result r = run(new PromoteCommand(), null, "b-1", "--to", "staging");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("Set INCEPTION_TOKEN");
    }
}
