package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.app.Main;
import io.inception.app.demo.DemoConfigRepository;
import io.inception.app.demo.SampleRepos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception run}, {@code runs} and {@code runs show} as a user types them. */
class RunCommandTest {
    @TempDir
    Path tmp;
    Path home;
    Path config;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void repositories() throws Exception {
        home = tmp.resolve("home");
        SampleRepos.Layout repos = new SampleRepos(Clock.systemUTC()).create(tmp.resolve("repos"));
        config = DemoConfigRepository.create(tmp.resolve("config"), repos, Path.of("..").toAbsolutePath().normalize(),
                Clock.systemUTC());
    }

    /** Runs the CLI like the launcher does, capturing what it prints. */
    private Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        PrintStream oldOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true));
            PrintStream oldErr = System.err;
            ByteArrayOutputStream errStream = new ByteArrayOutputStream();
            System.setErr(new PrintStream(errStream, true, StandardCharsets.UTF_8));
            try {
                int exit = cli.execute(all.toArray(String[]::new));
                return new Result(exit, out.toString(StandardCharsets.UTF_8), err + errStream.toString(StandardCharsets.UTF_8));
            } finally {
                System.setErr(oldErr);
            }
        } finally {
            System.setOut(oldOut);
        }
    }

    @Test
    void aRunIsFollowedListedShownAndCannotBeResumedOnceFinished() throws Exception {
        Result run = cli("run", "trunk-to-qe", "--repo", config.toString(), "--ref", "master", "--env", "local");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("[1/4] merge", "[2/4] unit-test", "[3/4] manifest-test", "[4/4] package", "SUCCEEDED");
        Matcher m = Pattern.compile("started run (\\S+)").matcher(run.out());
        assertThat(m.find()).isTrue();
        String runId = m.group(1);

        Result runs = cli("runs");
        assertThat(runs.exit()).isZero();
        assertThat(runs.out()).contains(runId, "SUCCEEDED", "trunk-to-qe", "local");

        Result show = cli("runs", "show", runId);
        assertThat(show.exit()).isZero();
        assertThat(show.out()).contains("stages:", "merge", "unit-test", "SKIPPED cells-scheduler-fix"
                .replace("SKIPPED ", "SKIPPED    "), "logs:");

        JsonNode json = new ObjectMapper().readTree(cli("runs", "show", runId, "--json").out());
        assertThat(json.at("/run/status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json.at("/stages").size()).isEqualTo(4);

        // the build's candidate packaged again from the store alone: the same bytes as the pipeline's
        // package stage made, so publishing them again is a no-op, and staging can point at the snapshot
        String buildId = json.at("/run/buildId").asText();
        Result pkg = cli("package", "--build", buildId, "--publish", "--point", "staging", "--json",
                "--specs", "../environments/packages");
        assertThat(pkg.exit()).as(pkg.out() + pkg.err()).isZero();
        JsonNode packaged = new ObjectMapper().readTree(pkg.out());
        assertThat(packaged.at("/packages").size()).isEqualTo(3);
        assertThat(packaged.at("/version").asText()).endsWith("-1").contains("+git");
        assertThat(home.resolve("apt/dists/staging/Release")).exists();
        Result unknownBuild = cli("package", "--build", "b-nope");
        assertThat(unknownBuild.exit()).isEqualTo(2);

        Result resume = cli("run", "--resume", runId);
        assertThat(resume.exit()).isEqualTo(2);
        assertThat(resume.err()).contains("already SUCCEEDED");
    }

    @Test
    void badInputExitsTwoWithTheFix() {
        Result unknown = cli("run", "nope", "--repo", config.toString(), "--ref", "master");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no pipeline 'nope'", "trunk-to-qe");

        Result neither = cli("run");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("name a PIPELINE", "--resume");

        Result noSuchRun = cli("runs", "show", "r-missing");
        assertThat(noSuchRun.exit()).isEqualTo(2);
        assertThat(noSuchRun.err()).contains("no run 'r-missing'");

        Result badOption = cli("runs", "--limit", "many");
        assertThat(badOption.exit()).isEqualTo(2);
        assertThat(badOption.err()).contains("--limit", "--help");
    }
}
