package io.inception.puppet.validate;

import io.inception.engine.scheduler.InMemoryTriggerStateStore;
import io.inception.engine.scheduler.LsRemoteBranchHeads;
import io.inception.engine.scheduler.TriggerConfig;
import io.inception.engine.scheduler.TriggerConfigLoader;
import io.inception.engine.scheduler.TriggerDefinition;
import io.inception.engine.scheduler.TriggerEvent;
import io.inception.engine.scheduler.TriggerReason;
import io.inception.engine.scheduler.TriggerScheduler;
import io.inception.puppet.ManifestFixtures;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change to the manifest repository alone starts the pipeline: the shipped example trigger of
 * {@code environments/triggers.yaml} (a trunk-moved trigger on the manifest repository), wired the
 * way the server wires every trigger, fires when the manifests move while the code trunk stays still.
 */
class ManifestTriggerTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:01:00Z");
    private static final String EXAMPLE_URL = "https://git.example.invalid/ops/puppet-manifests.git";

    @TempDir
    Path dir;

    @Test
    void theShippedManifestTriggerFiresWhenOnlyTheManifestRepositoryMoves() throws Exception {
        Path manifests = ManifestFixtures.manifestRepo(dir);
        Path code = Files.createDirectories(dir.resolve("nova"));
        try (Git trunk = Git.init().setDirectory(code.toFile()).setInitialBranch("master").call()) {
            Files.writeString(code.resolve("README"), "nova");
            trunk.add().addFilepattern(".").call();
            trunk.commit().setMessage("nova").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").call();
        }
        List<TriggerConfig> configs = TriggerConfigLoader.parse("triggers.yaml", shippedWithManifestTrigger(manifests)).orThrow();
        assertThat(configs).extracting(TriggerConfig::name).containsExactly("every-4-hours", "trunk-moved", "manifests-moved");
        List<TriggerDefinition> definitions = configs.stream().map(c -> c.toDefinition(code.toString(), "master")).toList();
        List<TriggerEvent> fired = new ArrayList<>();
        TriggerScheduler scheduler = new TriggerScheduler(definitions, fired::add, new InMemoryTriggerStateStore(), new LsRemoteBranchHeads(Duration.ofSeconds(10)), Clock.systemUTC());

        scheduler.tick(T0); // first sight of both repositories is the baseline
        assertThat(scheduler.tick(T0.plus(Duration.ofMinutes(5)))).as("nothing moved").isEmpty();
        String moved = commit(manifests, "puppet/modules/role/manifests/glance.pp", "# glance, retuned\n");
        List<TriggerEvent> events = scheduler.tick(T0.plus(Duration.ofMinutes(10)));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.triggerName()).isEqualTo("manifests-moved");
            assertThat(e.reason()).isEqualTo(TriggerReason.TRUNK_MOVED);
            assertThat(e.sha()).isEqualTo(moved);
        });
        assertThat(fired).extracting(TriggerEvent::triggerName).containsExactly("manifests-moved");
    }

    /** The shipped triggers file with its manifest example switched on, pointing at {@code repo}. */
    static String shippedWithManifestTrigger(Path repo) throws Exception {
        String shipped = Files.readString(ManifestFixtures.sampleManifests().getParent().resolve("triggers.yaml"));
        assertThat(shipped).contains("  # - name: manifests-moved", EXAMPLE_URL);
        StringBuilder out = new StringBuilder();
        boolean example = false;
        for (String line : shipped.split("\n", -1)) {
            if (line.startsWith("  # - name: manifests-moved")) example = true;
            if (example && line.startsWith("  # ")) {
                out.append("  ").append(line.substring(4).replace(EXAMPLE_URL, repo.toString())).append('\n');
            } else {
                example = false;
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String commit(Path repo, String path, String content) throws Exception {
        Files.writeString(repo.resolve(path), content, java.nio.file.StandardOpenOption.APPEND);
        try (Git git = Git.open(repo.toFile())) {
            git.add().addFilepattern(".").call();
            return git.commit().setMessage("manifests only").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").call().name();
        }
    }
}
