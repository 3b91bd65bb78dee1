package io.inception.engine.scheduler;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
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

/**
 * Trunk-moved triggers with {@code paths:} on real (local) repositories: a move fires only when one of its
 * commits changes a matching path; a move that does not is recorded as seen and says so in one line.
 */
class PathFilteredTriggerTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
    private static final PathFilter PUPPET = PathFilter.of(List.of("puppet/**"), List.of());

    @TempDir
    Path dir;
    private Path work;
    private Git trunk;
    private Instant now = T0;
    private final List<TriggerEvent> received = new ArrayList<>();
    private final List<String> notFired = new ArrayList<>();
    private final TriggerListener listener = new TriggerListener() {
        @Override
        public void fire(TriggerEvent event) {
            received.add(event);
        }

        @Override
        public void notFired(String triggerName, String sha, String line) {
            notFired.add(triggerName + " " + sha + ": " + line);
        }
    };
    private final InMemoryTriggerStateStore store = new InMemoryTriggerStateStore();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void setUp() throws Exception {
        work = dir.resolve("trunk");
        trunk = Git.init().setDirectory(work.toFile()).setInitialBranch("master").call();
        commit("README", "hello");
        commit("puppet/manifests/site.pp", "node default {}\n");
        logs.start();
        ((Logger) LoggerFactory.getLogger(TriggerScheduler.class)).addAppender(logs);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(TriggerScheduler.class)).detachAppender(logs);
        trunk.close();
    }

    private RevCommit commit(String file, String content) throws Exception {
        Path path = work.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        trunk.add().addFilepattern(file).call();
        return trunk.commit().setMessage("change " + file).setAuthor("Dev", "dev@example.org")
                .setCommitter("Dev", "dev@example.org").call();
    }

    private RevCommit head() throws Exception {
        return trunk.log().setMaxCount(1).call().iterator().next();
    }

    private TrunkMovedTrigger trigger(PathFilter paths) {
        return new TrunkMovedTrigger("manifests", work.toString(), "master", Duration.ofSeconds(60), paths);
    }

    private TriggerScheduler scheduler(TrunkMovedTrigger trigger) {
        return new TriggerScheduler(List.of(trigger), listener, store, new LsRemoteBranchHeads(Duration.ofSeconds(5)),
                new FetchedCommitRanges(dir.resolve("cache"), Duration.ofSeconds(10)), Clock.systemUTC());
    }

    /** The next poll (one interval later). */
    private List<TriggerEvent> poll(TriggerScheduler s) {
        now = now.plusSeconds(60);
        return s.tick(now);
    }

    private List<String> messages() {
        return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private static String abbrev(RevCommit c) {
        return c.name().substring(0, 12);
    }

    @Test
    void aMoveTouchingOnlyDocsDoesNotFireAndIsRecordedAsSeen() throws Exception {
        TriggerScheduler s = scheduler(trigger(PUPPET));
        RevCommit base = head();
        assertThat(s.tick(now)).as("first sight is the baseline, as without paths").isEmpty();

        RevCommit docs = commit("docs/guide.md", "how to\n");
        assertThat(poll(s)).isEmpty();
        assertThat(received).isEmpty();
        assertThat(store.load("manifests")).get().extracting(TriggerState::lastSha).isEqualTo(docs.name());
        String line = "trigger 'manifests' not fired: trunk master of " + work + " moved " + abbrev(base) + " -> "
                + abbrev(docs) + " (1 commit, none changing a matching path; paths [puppet/**]); " + abbrev(docs)
                + " recorded as seen";
        assertThat(messages()).contains(line);
        assertThat(notFired).containsExactly("manifests " + docs.name() + ": " + line);
        assertThat(s.status().get(0).lastError()).isNull();

        RevCommit manifest = commit("puppet/manifests/x.pp", "class x {}\n");
        assertThat(poll(s)).as("the next move is looked at from the recorded SHA").singleElement().satisfies(e -> {
            assertThat(e.sha()).isEqualTo(manifest.name());
            assertThat(e.reason()).isEqualTo(TriggerReason.TRUNK_MOVED);
            assertThat(e.detail()).isEqualTo("trunk master of " + work + " moved " + abbrev(docs) + " -> "
                    + abbrev(manifest) + "; puppet/manifests/x.pp changed in " + abbrev(manifest));
        });
    }

    @Test
    void aMoveOfSeveralCommitsFiresWhenOneOfThemMatches() throws Exception {
        TriggerScheduler s = scheduler(trigger(PUPPET));
        s.tick(now);
        commit("docs/a.md", "a\n");
        RevCommit manifest = commit("puppet/manifests/x.pp", "class x {}\n");
        RevCommit head = commit("nova/api.py", "print()\n");

        assertThat(poll(s)).singleElement().satisfies(e -> {
            assertThat(e.sha()).isEqualTo(head.name());
            assertThat(e.detail()).endsWith("; puppet/manifests/x.pp changed in " + abbrev(manifest));
        });
        assertThat(store.load("manifests")).get().extracting(TriggerState::lastSha).isEqualTo(head.name());
    }

    @Test
    void aChangeUndoneLaterInTheSameMoveStillCountsAndDeletionsCount() throws Exception {
        TriggerScheduler s = scheduler(trigger(PUPPET));
        s.tick(now);
        commit("puppet/manifests/site.pp", "node default { include x }\n");
        commit("puppet/manifests/site.pp", "node default {}\n");
        assertThat(poll(s)).as("a commit of the move changed site.pp, even if the tree is back where it was").hasSize(1);

        trunk.rm().addFilepattern("puppet/manifests/site.pp").call();
        RevCommit removed = trunk.commit().setMessage("drop site.pp").setAuthor("Dev", "dev@example.org")
                .setCommitter("Dev", "dev@example.org").call();
        assertThat(poll(s)).extracting(TriggerEvent::sha).containsExactly(removed.name());
    }

    @Test
    void aMergedBranchFiresWhenItsCommitsMatchAndNotWhenTheyDoNot() throws Exception {
        TriggerScheduler s = scheduler(trigger(PUPPET));
        s.tick(now);

        trunk.branchCreate().setName("feature").call();
        commit("docs/trunk-side.md", "t\n");
        trunk.checkout().setName("feature").call();
        RevCommit featureManifest = commit("puppet/modules/nova/init.pp", "class nova {}\n");
        trunk.checkout().setName("master").call();
        trunk.merge().include(featureManifest).setFastForward(MergeCommand.FastForwardMode.NO_FF)
                .setMessage("merge feature").call();
        assertThat(head().getParentCount()).isEqualTo(2);
        assertThat(poll(s)).as("the merged branch's commit changed a manifest").singleElement()
                .satisfies(e -> assertThat(e.detail()).endsWith("puppet/modules/nova/init.pp changed in "
                        + abbrev(featureManifest)));

        trunk.checkout().setName("feature").call();
        RevCommit featureDocs = commit("docs/feature.md", "f\n");
        trunk.checkout().setName("master").call();
        commit("nova/compute.py", "pass\n");
        trunk.merge().include(featureDocs).setFastForward(MergeCommand.FastForwardMode.NO_FF).setMessage("merge docs").call();
        assertThat(head().getParentCount()).isEqualTo(2);
        assertThat(poll(s)).as("neither side changed puppet/, and the merge only combined them").isEmpty();
        assertThat(store.load("manifests")).get().extracting(TriggerState::lastSha).isEqualTo(head().name());
    }

    @Test
    void aMergeThatChangesAManifestItselfFires() throws Exception {
        TriggerScheduler s = scheduler(trigger(PUPPET));
        s.tick(now);
        trunk.branchCreate().setName("feature").call();
        commit("docs/trunk-side.md", "t\n");
        trunk.checkout().setName("feature").call();
        RevCommit featureDocs = commit("docs/feature.md", "f\n");
        trunk.checkout().setName("master").call();
        trunk.merge().include(featureDocs).setFastForward(MergeCommand.FastForwardMode.NO_FF).setCommit(false).call();
        Files.writeString(work.resolve("puppet/manifests/site.pp"), "node default { include merged }\n");
        trunk.add().addFilepattern("puppet/manifests/site.pp").call();
        RevCommit merge = trunk.commit().setMessage("merge, fixing site.pp").setAuthor("Dev", "dev@example.org")
                .setCommitter("Dev", "dev@example.org").call();
        assertThat(merge.getParentCount()).isEqualTo(2);

        assertThat(poll(s)).singleElement().satisfies(e -> assertThat(e.detail())
                .endsWith("; puppet/manifests/site.pp changed in " + abbrev(merge)));
    }

    @Test
    void pathsIgnoreLeavesOutMatchingChanges() throws Exception {
        TriggerScheduler s = scheduler(trigger(PathFilter.of(List.of("puppet/**"), List.of("**/*.md"))));
        s.tick(now);
        commit("puppet/README.md", "about the manifests\n");
        assertThat(poll(s)).isEmpty();
        assertThat(messages()).anySatisfy(m -> assertThat(m).contains("paths [puppet/**] ignoring [**/*.md]"));
        commit("puppet/manifests/x.pp", "class x {}\n");
        assertThat(poll(s)).hasSize(1);
    }

    @Test
    void aRewrittenBranchFiresBecauseWhatChangedCannotBeTold() throws Exception {
        TriggerScheduler s = scheduler(trigger(PUPPET));
        // The server has seen a head that is not in the branch's history (it was rewritten away)
        store.save("manifests", new TriggerState("0123456789abcdef0123456789abcdef01234567", null));
        RevCommit docs = commit("docs/a.md", "a\n");

        assertThat(s.tick(now)).singleElement().satisfies(e -> assertThat(e.detail()).endsWith(
                "; the last seen commit 0123456789ab is not in the history of refs/heads/master (rewritten?), "
                        + "so what changed cannot be told"));
        assertThat(received).extracting(TriggerEvent::sha).containsExactly(docs.name());
    }

    @Test
    void aBranchMovedBackFiresOnlyWhenTheDroppedCommitsChangedAMatchingPath() throws Exception {
        TriggerScheduler s = scheduler(trigger(PUPPET));
        RevCommit base = head();
        commit("docs/a.md", "a\n");
        s.tick(now); // baseline: the docs commit
        trunk.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(base.name()).call();
        assertThat(poll(s)).as("only docs were dropped").isEmpty();

        commit("puppet/manifests/x.pp", "class x {}\n");
        assertThat(poll(s)).hasSize(1);
        trunk.reset().setMode(org.eclipse.jgit.api.ResetCommand.ResetType.HARD).setRef(base.name()).call();
        assertThat(poll(s)).as("the manifest change was dropped").singleElement().satisfies(e -> {
            assertThat(e.sha()).isEqualTo(base.name());
            assertThat(e.detail()).endsWith("; puppet/manifests/x.pp differs between the last seen commit and the new "
                    + "head (the branch went back or was rewritten)");
        });
    }

    @Test
    void aFailedFetchIsAnErrorAndTheMoveIsLookedAtAgainNextPoll() throws Exception {
        TriggerScheduler s = new TriggerScheduler(List.of(trigger(PUPPET)), received::add, store,
                new LsRemoteBranchHeads(Duration.ofSeconds(5)),
                (url, ref, from, to, filter) -> {
                    throw new BranchHeads.BranchHeadException("cannot fetch " + ref + " of " + url + ": disk full", null);
                }, Clock.systemUTC());
        s.tick(now);
        String before = store.load("manifests").orElseThrow().lastSha();
        commit("puppet/manifests/x.pp", "class x {}\n");

        assertThat(poll(s)).isEmpty();
        assertThat(s.status().get(0).lastError())
                .isEqualTo("trigger 'manifests': cannot fetch refs/heads/master of " + work + ": disk full");
        assertThat(store.load("manifests").orElseThrow().lastSha()).as("not recorded: retried").isEqualTo(before);

        TriggerScheduler healthy = scheduler(trigger(PUPPET));
        assertThat(healthy.tick(now.plusSeconds(60))).hasSize(1);
    }

    @Test
    void twoSchedulersSharingTheStoreFireAMatchingMoveOnce() throws Exception {
        TriggerScheduler a = scheduler(trigger(PUPPET));
        TriggerScheduler b = new TriggerScheduler(List.of(trigger(PUPPET)), received::add, store,
                new LsRemoteBranchHeads(Duration.ofSeconds(5)),
                new FetchedCommitRanges(dir.resolve("cache-b"), Duration.ofSeconds(10)), Clock.systemUTC());
        a.tick(now);
        b.tick(now);
        RevCommit manifest = commit("puppet/manifests/x.pp", "class x {}\n");
        now = now.plusSeconds(60);
        List<TriggerEvent> fired = new ArrayList<>(a.tick(now));
        fired.addAll(b.tick(now));

        assertThat(fired).extracting(TriggerEvent::sha).containsExactly(manifest.name());
        assertThat(received).hasSize(1);
    }

    @Test
    void theCacheIsFetchedIncrementallyAndKeepsNoCredentials() throws Exception {
        String url = work.toUri().toString();
        FetchedCommitRanges ranges = new FetchedCommitRanges(dir.resolve("cache"), Duration.ofSeconds(10));
        RevCommit from = head();
        RevCommit to = commit("puppet/manifests/x.pp", "class x {}\n");
        assertThat(ranges.changes(url, "refs/heads/master", from.name(), to.name(), PUPPET))
                .isEqualTo(new CommitRanges.Touched(to.name(), "puppet/manifests/x.pp", 1));
        RevCommit docs = commit("docs/a.md", "a\n");
        assertThat(ranges.changes(url, "refs/heads/master", to.name(), docs.name(), PUPPET))
                .isEqualTo(new CommitRanges.Untouched(1));
        try (var cached = Files.list(dir.resolve("cache"))) {
            Path bare = cached.findFirst().orElseThrow();
            assertThat(Files.readString(bare.resolve("config"))).doesNotContain(url).doesNotContain("[remote");
        }
    }

    @Test
    void aFetchFailureNamesTheRepositoryWithoutItsPassword() {
        FetchedCommitRanges ranges = new FetchedCommitRanges(dir.resolve("cache"), Duration.ofSeconds(5));
        String url = "https://alice:s3cret-Pw@127.0.0.1:1/trunk.git"; // port 1 on loopback: connection refused
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ranges.changes(url, "refs/heads/master",
                        "0123456789abcdef0123456789abcdef01234567", "89abcdef0123456789abcdef0123456789abcdef", PUPPET))
                .isInstanceOf(BranchHeads.BranchHeadException.class)
                .hasMessageStartingWith("cannot fetch refs/heads/master of https://alice:***@127.0.0.1:1/trunk.git: ")
                .hasMessageNotContaining("s3cret-Pw");
    }
}
