package io.inception.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** branches.yaml: both entry forms, order kept, every error reported at once. */
class BranchListTest {
    @Test
    void readsTrunkBranchesInOrderAndTheTestCommand() {
        BranchList list = BranchList.parse("""
                trunk: {url: "git@git.example.com:nova.git", branch: main}
                branches:
                  - https://git.example.com/a.git#topic/a
                  - name: b
                    url: ../b
                    branch: feature/b
                test:
                  command: ./run_tests.sh --junit
                """, "branches.yaml").orElseThrow();
        assertThat(list.trunk()).isEqualTo(new BranchSpec("trunk", "git@git.example.com:nova.git", "main"));
        assertThat(list.branches()).containsExactly(
                new BranchSpec("topic/a", "https://git.example.com/a.git", "topic/a"),
                new BranchSpec("b", "../b", "feature/b"));
        assertThat(list.branch("b")).isPresent();
        assertThat(list.test()).isEqualTo(new TestCommand("./run_tests.sh --junit", null, null));
    }

    @Test
    void reportsEveryErrorAndThrowsThemAllFromLoad() {
        Parsed<BranchList> parsed = BranchList.parse("""
                trunk: https://git.example.com/nova.git#master
                branches:
                  - name: trunk
                    url: https://git.example.com/a.git
                    branch: a
                  - {name: x, url: https://git.example.com/x.git}
                tset: {}
                """, "b.yaml");
        assertThat(parsed.ok()).isFalse();
        assertThat(parsed.errors()).extracting(ConfigError::format).containsExactly(
                "b.yaml:3:11: branches[0].name: 'trunk' is reserved for the trunk branch",
                "b.yaml:6:5: branches[1].branch: missing required field 'branch'",
                "b.yaml:7:1: tset: unknown field 'tset' (did you mean 'test'?); known fields: trunk, branches, test");
        assertThatThrownBy(parsed::orElseThrow).isInstanceOf(ConfigException.class)
                .hasMessageContaining("3 configuration error(s)");
    }
}
