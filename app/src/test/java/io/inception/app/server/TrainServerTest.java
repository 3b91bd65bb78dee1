package io.inception.app.server;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.app.demo.DemoConfigRepository;
import io.inception.app.demo.SampleRepos;
import io.inception.engine.model.Build;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.Run;
import io.inception.engine.scheduler.TriggerEvent;
import io.inception.engine.scheduler.TriggerScheduler;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception server}: trunk moved starts the merge train; a run in progress makes a fire skip. */
class TrainServerTest {
    @TempDir
    Path tmp;
    SampleRepos.Layout repos;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /** A server over the demo's sample repositories and configuration repository. */
    private TrainServer server(Inception inception) throws Exception {
        repos = new SampleRepos(Clock.systemUTC()).create(tmp.resolve("repos"));
        Path config = DemoConfigRepository.create(tmp.resolve("config"), repos, Path.of("..").toAbsolutePath().normalize(),
                Clock.systemUTC());
        return new TrainServer(inception, config.toString(), "master", "trunk-to-qe", "local",
                config.resolve("environments/triggers.yaml"), Clock.systemUTC(),
                new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    private RevCommit commitToTrunk(String file, String content, String message) throws Exception {
        try (Git trunk = Git.open(repos.trunk().toFile())) {
            Files.writeString(repos.trunk().resolve(file), content);
            trunk.add().addFilepattern(".").call();
            return trunk.commit().setMessage(message).setSign(false)
                    .setAuthor("Nova Upstream", "upstream@nova.invalid").call();
        }
    }

    @Test
    void trunkMovingStartsTheTrainOnTheNewTrunkCommit() throws Exception {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            TrainServer server = server(inception);
            TriggerScheduler scheduler = server.scheduler();
            Instant t0 = Instant.now();
            assertThat(scheduler.tick(t0)).as("the first poll records trunk's head without firing").isEmpty();
            assertThat(scheduler.tick(t0.plus(Duration.ofMinutes(2)))).as("trunk did not move").isEmpty();

            RevCommit moved = commitToTrunk("nova/version.py", "VERSION = '27.3.0'\n", "Bump version to 27.3.0");
            List<TriggerEvent> fired = scheduler.tick(t0.plus(Duration.ofMinutes(4)));
            assertThat(fired).singleElement().satisfies(e -> assertThat(e.sha()).isEqualTo(moved.name()));

            List<Run> runs = inception.store().runs().list();
            assertThat(runs).hasSize(1);
            Run run = inception.executor().awaitCompletion(runs.get(0).id(), Duration.ofMinutes(2));
            assertThat(run.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            Build build = inception.store().builds().find(run.buildId()).orElseThrow();
            assertThat(build.trunk().sha()).isEqualTo(moved.name());
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("trigger trunk-moved (TRUNK_MOVED "
                    + moved.name().substring(0, 7) + "): started run " + run.id());
        }
    }

    @Test
    void aFireWhileTheLastRunStillHoldsTheEnvironmentIsSkippedAndSaysWhy() throws Exception {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            TrainServer server = server(inception);
            TriggerEvent event = new TriggerEvent("nightly", io.inception.engine.scheduler.TriggerReason.SCHEDULE,
                    null, Instant.now(), "test");
            String first = server.fire(event).orElseThrow();
            boolean secondStarted = server.fire(event).isPresent();
            Run done = inception.executor().awaitCompletion(first, Duration.ofMinutes(2));
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            if (!secondStarted) {
                assertThat(printed.toString(StandardCharsets.UTF_8)).contains("trigger nightly: skipped", first);
            } else {
                // the first run had already finished: then the second must have run after it, never beside it
                assertThat(inception.store().runs().list()).hasSize(2);
            }
        }
    }

    @Test
    void aTrunkMoveOutsideATriggersPathsStartsNoRunAndSaysWhy() throws Exception {
        try (Inception inception = Inception.open(new InceptionHome(tmp.resolve("home")), null, Clock.systemUTC())) {
            TrainServer configured = server(inception);
            Path triggers = Files.writeString(tmp.resolve("triggers.yaml"), """
                    triggers:
                      - name: virt-moved
                        trunk-moved:
                          poll: 1m
                          paths: ["nova/virt/**"]
                    """);
            TrainServer server = new TrainServer(inception, configured.configRepo(), "master", "trunk-to-qe", "local",
                    triggers, Clock.systemUTC(), configured.out());
            TriggerScheduler scheduler = server.scheduler();
            Instant t0 = Instant.now();
            assertThat(scheduler.tick(t0)).as("baseline").isEmpty();

            RevCommit moved = commitToTrunk("README.rst", "nova, documented\n", "Docs only");
            assertThat(scheduler.tick(t0.plus(Duration.ofMinutes(2)))).isEmpty();

            assertThat(inception.store().runs().list()).isEmpty();
            String out = printed.toString(StandardCharsets.UTF_8);
            assertThat(out).contains("trigger virt-moved: trunk moved, polled every 60 s, only for paths [nova/virt/**]")
                    .contains("trigger 'virt-moved' not fired: trunk master of " + repos.trunk())
                    .contains("(1 commit, none changing a matching path; paths [nova/virt/**]); "
                            + moved.name().substring(0, 12) + " recorded as seen");
            assertThat(tmp.resolve("home/cache/trigger-git")).isDirectory();
        }
    }
}
