package io.inception.app.rollout;

import org.eclipse.jgit.api.Git;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A command run as a user types it (what it printed on stdout and stderr), and a config repository to run it with. */
public final class Cli {
    public record Result(int exit, String out, String err) {
    }

    private Cli() {
    }

    public static synchronized Result run(Object command, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(command).execute(args);
            return new Result(exit, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * The environment {@code sbx} over a four-host sandbox fleet in two cells (canary wave of one,
     * then the rest), reached at the hosts' loopback addresses; {@code credentials} and
     * {@code rolloutSettings} are more lines (indented two spaces) of its {@code credentials:} and
     * {@code rollout:} sections, {@code sections} more top-level ones.
     */
    static String sandboxEnvironment(io.inception.sandbox.ssh.SandboxFleet sandbox, String credentials,
                                     String rolloutSettings, String sections) {
        String addresses = sandbox.endpoints().stream().map(e -> e.name() + ": " + e.address())
                .collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        return """
                name: sbx
                cells:
                  - name: c1
                    hosts: [c1-001, c1-002]
                  - name: c2
                    hosts: [c2-003, c2-004]
                ssh: {user: inception}
                credentials:
                  ssh-key: {file: %s}
                %swaves:
                  - {name: canary, size: 1}
                  - {name: rest, size: rest}
                rollout:
                  port: %d
                  addresses: %s
                """.formatted(sandbox.privateKeyFile(), credentials, sandbox.endpoints().get(0).port(), addresses)
                + rolloutSettings + sections;
    }

    /** {@code inception hosts trust sbx}: records the sandbox hosts' keys in the home's known_hosts. */
    static void trustHosts(Path config, String home) {
        Result r = run(new io.inception.app.cli.HostsTrustCommand(), "sbx", "--repo", config.toString(), "--home", home);
        org.assertj.core.api.Assertions.assertThat(r.exit()).as(r.out() + r.err()).isZero();
    }

    /** A git repository at {@code repo} holding {@code environments/environments/<name>.yaml}, committed. */
    static Path configRepo(Path repo, String name, String yaml) throws Exception {
        Path file = repo.resolve("environments/environments/" + name + ".yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(name).setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid")
                    .setSign(false).call();
        }
        return repo;
    }
}
