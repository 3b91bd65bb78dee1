package io.inception.app.rollout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.app.cli.RolloutCommand;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.store.Store;
import io.inception.packaging.Packaging;
import io.inception.sandbox.ssh.HttpAptIndex;
import io.inception.sandbox.ssh.PackageIndex;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code inception rollout --env sbx --build b-2}: the version and the apt line come from what the
 * build published (its package fact and snapshot), the line pointing at {@code --repo-url}.
 */
class RolloutOfABuildCommandTest {
    static final String VERSION = "27.2.0+git202611270540.9f8e7d6-1";

    @TempDir
    Path dir;
    PublishedRepository repo;
    SandboxFleet sandbox;
    Path config;
    String home;

    @BeforeEach
    void setUp() throws Exception {
        repo = PublishedRepository.publish(dir.resolve("home"), dir.resolve("work"), "b-2", VERSION);
        home = repo.home.dir().toString();
        try (Store store = Store.openDefault(repo.home.dir())) {
            store.builds().save(new Build("b-2", new BranchHead("trunk", "file:///nova", "main", "9f8e7d6c", "merged"),
                    List.of(), "9f8e7d6c", Instant.parse("2026-11-27T05:40:00Z")));
            store.builds().putFact("b-2", "package", repo.report);
        }
        sandbox = SandboxFleet.start(SandboxFleetSpec.of(4, 2, dir.resolve("sandbox"))
                .withIndex(new HttpAptIndex(PackageIndex.fixed(Map.of()))));
        String key = repo.armoredKey();
        sandbox.hosts().forEach(h -> h.state().withFile(Packaging.HOST_KEYRING, key));
        config = Cli.configRepo(dir.resolve("config"), "sbx", Cli.sandboxEnvironment(sandbox, "", "", ""));
        Cli.trustHosts(config, home);
    }

    @AfterEach
    void stop() {
        sandbox.close();
        repo.close();
    }

    @Test
    void theRolloutInstallsTheVersionTheBuildPublishedFromItsSnapshotAtTheRepoUrl() throws Exception {
        Cli.Result r = Cli.run(new RolloutCommand(), "--env", "sbx", "--build", "b-2", "--repo", config.toString(),
                "--repo-url", repo.server.url(), "--json", "--home", home);

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.get("status").asText()).isEqualTo("SUCCEEDED");
        for (SandboxHost h : sandbox.hosts()) {
            assertThat(h.state().version("nova-compute")).as(h.name()).contains(VERSION);
            assertThat(h.state().file("/etc/apt/sources.list.d/inception.list"))
                    .contains(repo.sourcesLine("builds/b-2") + "\n");
        }
    }

    @Test
    void givenValuesOverrideTheBuildsAndABuildThatPublishedNothingIsNamed() {
        Cli.Result missing = Cli.run(new RolloutCommand(), "--env", "sbx", "--build", "b-3", "--repo", config.toString(),
                "--repo-url", repo.server.url(), "--home", home);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("inception rollout: build b-3 has published no packages",
                "give --package-version and --apt-source");

        Cli.Result other = Cli.run(new RolloutCommand(), "--env", "sbx", "--build", "b-2", "--repo", config.toString(),
                "--package-version", "0.9-1", "--repo-url", repo.server.url(), "--json", "--home", home);
        assertThat(other.exit()).as("the snapshot has no nova-compute 0.9-1").isEqualTo(1);
        assertThat(other.out()).contains("apt-get install nova-compute=0.9-1", "Version '0.9-1' for 'nova-compute' was not found");
        assertThat(sandbox.get("c1-001").state().file("/etc/apt/sources.list.d/inception.list"))
                .as("the build's snapshot line, the version overridden").contains(repo.sourcesLine("builds/b-2") + "\n");
    }
}
