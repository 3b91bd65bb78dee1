package io.inception.engine.scheduler;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrunkMovedTriggerTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;
    private Git trunk;
    private final List<TriggerEvent> received = new ArrayList<>();
    private final InMemoryTriggerStateStore store = new InMemoryTriggerStateStore();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        trunk = Git.init().setDirectory(dir.resolve("trunk").toFile()).setInitialBranch("master").call();
        commit("README", "hello");
        logs.start();
        ((Logger) LoggerFactory.getLogger(TriggerScheduler.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(TriggerScheduler.class)).detachAppender(logs);
        trunk.close();
    }

    private RevCommit commit(String file, String content) throws Exception {
        Files.writeString(dir.resolve("trunk").resolve(file), content);
        trunk.add().addFilepattern(file).call();
        return trunk.commit().setMessage("change " + file).setAuthor("Dev", "dev@example.org")
                .setCommitter("Dev", "dev@example.org").call();
    }

    private TriggerScheduler scheduler(TriggerDefinition... triggers) {
        return new TriggerScheduler(List.of(triggers), received::add, store, new LsRemoteBranchHeads(Duration.ofSeconds(5)),
                Clock.systemUTC());
    }

    private TrunkMovedTrigger trunkTrigger(String url) {
        return new TrunkMovedTrigger("trunk", url, "master", Duration.ofSeconds(60));
    }

    @Test
    void firesOncePerNewCommitOnARealRepository() throws Exception {
        TriggerScheduler s = scheduler(trunkTrigger(dir.resolve("trunk").toString()));

        assertThat(s.tick(T0)).as("first sight is the baseline").isEmpty();
        assertThat(s.tick(T0.plusSeconds(60))).as("no commit, no fire").isEmpty();

        RevCommit second = commit("a.txt", "one");
        assertThat(s.tick(T0.plusSeconds(90))).as("poll interval not elapsed yet").isEmpty();
        assertThat(s.tick(T0.plusSeconds(120))).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(TriggerReason.TRUNK_MOVED);
            assertThat(e.sha()).isEqualTo(second.name());
            assertThat(e.triggerName()).isEqualTo("trunk");
            assertThat(e.firedAt()).isEqualTo(T0.plusSeconds(120));
        });
        assertThat(s.tick(T0.plusSeconds(180))).as("same SHA again").isEmpty();

        RevCommit third = commit("b.txt", "two");
        assertThat(s.tick(T0.plusSeconds(240))).extracting(TriggerEvent::sha).containsExactly(third.name());
        assertThat(received).extracting(TriggerEvent::sha).containsExactly(second.name(), third.name());
        assertThat(store.load("trunk")).get().extracting(TriggerState::lastSha).isEqualTo(third.name());
    }

    @Test
    void aRestartWithTheSameStateStoreDoesNotRefire() throws Exception {
        String url = dir.resolve("trunk").toUri().toString(); // file:///...
        assertThat(url).startsWith("file:");
        TriggerScheduler first = scheduler(trunkTrigger(url));
        first.tick(T0);
        RevCommit moved = commit("a.txt", "one");
        assertThat(first.tick(T0.plusSeconds(60))).hasSize(1);

        TriggerScheduler restarted = scheduler(trunkTrigger(url));
        assertThat(restarted.tick(T0.plusSeconds(61))).as("already fired for " + moved.name()).isEmpty();

        RevCommit next = commit("b.txt", "two");
        assertThat(restarted.tick(T0.plusSeconds(121))).extracting(TriggerEvent::sha).containsExactly(next.name());
    }

    @Test
    void aFailedDeliveryIsRetriedOnTheNextPoll() throws Exception {
        List<String> attempts = new ArrayList<>();
        TriggerScheduler s = new TriggerScheduler(List.of(trunkTrigger(dir.resolve("trunk").toString())), e -> {
            attempts.add(e.sha());
            if (attempts.size() == 1) throw new IllegalStateException("database busy");
        }, store, new LsRemoteBranchHeads(), Clock.systemUTC());
        s.tick(T0);
        RevCommit moved = commit("a.txt", "one");
        assertThat(s.tick(T0.plusSeconds(60))).isEmpty();
        assertThat(s.tick(T0.plusSeconds(120))).hasSize(1);
        assertThat(attempts).containsExactly(moved.name(), moved.name());
    }

    @Test
    void anUnreachableRepositoryIsReportedWithoutThePasswordAndOtherTriggersKeepWorking() throws Exception {
        // port 1 on loopback: connection refused
        String secretUrl = "https://alice:s3cret-Pw@127.0.0.1:1/trunk.git";
        TrunkMovedTrigger broken = new TrunkMovedTrigger("broken", secretUrl, "master", Duration.ofSeconds(30));
        TriggerScheduler s = scheduler(broken, trunkTrigger(dir.resolve("trunk").toString()),
                CronTrigger.utc("hourly", "0 * * * *"));

        s.tick(T0.minusSeconds(30));
        RevCommit moved = commit("a.txt", "one");
        List<TriggerEvent> fired = s.tick(T0.plusSeconds(60));

        assertThat(fired).extracting(TriggerEvent::triggerName).containsExactly("trunk", "hourly");
        assertThat(fired.get(0).sha()).isEqualTo(moved.name());
        TriggerStatus status = s.status().get(0);
        assertThat(status.lastError()).contains("broken").contains("127.0.0.1:1").contains("alice")
                .doesNotContain("s3cret-Pw");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(m -> assertThat(m).contains("https://alice:***@127.0.0.1:1/trunk.git"))
                .allSatisfy(m -> assertThat(m).doesNotContain("s3cret-Pw"));
        assertThat(broken.toString()).doesNotContain("s3cret-Pw");
    }

    @Test
    void aMissingBranchIsReportedByName() {
        TriggerScheduler s = scheduler(new TrunkMovedTrigger("trunk", dir.resolve("trunk").toString(), "main",
                Duration.ofSeconds(60)));
        assertThat(s.tick(T0)).isEmpty();
        assertThat(s.status().get(0).lastError()).contains("refs/heads/main not found");
    }
}
