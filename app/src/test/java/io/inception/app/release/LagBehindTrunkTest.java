package io.inception.app.release;

import io.inception.app.promotion.SuitePointers;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.store.Store;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Lag behind trunk against a real git repository: commits dated by hand, read through a JGit mirror. */
class LagBehindTrunkTest {
    static final Instant NOW = Instant.parse("2026-11-27T05:00:00Z");

    @TempDir
    Path dir;

    RevCommit commit(Git git, String message, Instant at) throws Exception {
        PersonIdent who = new PersonIdent("Dev", "dev@example.com", at, ZoneOffset.UTC);
        return git.commit().setMessage(message).setAllowEmpty(true).setAuthor(who).setCommitter(who).call();
    }

    @Test
    void countsTheTrunkCommitsAnEnvironmentLacksAndTheDaysSinceTheOldest() throws Exception {
        Path trunkDir = dir.resolve("trunk");
        String staged;
        String qe;
        try (Git git = Git.init().setDirectory(trunkDir.toFile()).setInitialBranch("master").call()) {
            staged = commit(git, "base", NOW.minus(Duration.ofDays(30))).name();
            commit(git, "fix 1", NOW.minus(Duration.ofDays(16)));
            qe = commit(git, "fix 2", NOW.minus(Duration.ofDays(3))).name();
        }
        String url = trunkDir.toUri().toString();
        try (Store store = Store.openDefault(dir.resolve("home"))) {
            store.builds().save(new Build("b-old", new BranchHead("trunk", url, "master", staged, "MERGED"), List.of(),
                    null, NOW));
            store.builds().save(new Build("b-new", new BranchHead("trunk", url, "master", qe, "MERGED"), List.of(),
                    null, NOW));
            Map<String, String> pointers = Map.of("staging", "b-old", "qe", "b-new");
            SuitePointers suites = new SuitePointers() {
                @Override
                public Optional<String> current(String suite) {
                    return Optional.ofNullable(pointers.get(suite));
                }

                @Override
                public String point(String suite, String buildId) {
                    throw new UnsupportedOperationException("lag only reads suites");
                }
            };
            LagBehindTrunk lag = new LagBehindTrunk(List.of("qe", "staging", "production"), suites, store.builds(),
                    new GitTrunkHistory(dir.resolve("cache")), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(14));

            List<EnvironmentLag> all = lag.all();

            assertThat(all.get(0)).isEqualTo(new EnvironmentLag("qe", "b-new", 0, 0, false, ""));
            assertThat(all.get(1).commits()).isEqualTo(2);
            assertThat(all.get(1).days()).isEqualTo(16.0);
            assertThat(all.get(1).warn()).isTrue();
            assertThat(all.get(2).note()).isEqualTo("production runs no build yet");
        }
    }
}
