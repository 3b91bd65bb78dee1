package io.inception.engine.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durations, host ranges, git URLs and "did you mean". */
class ConfigValuesTest {
    private static final YamlNode AT = new YamlNode.Scalar("", YamlNode.ScalarKind.STRING, new Position("f", 3, 7));

    @Test
    void durations() {
        assertThat(Durations.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Durations.parse("20m")).contains(Duration.ofMinutes(20));
        assertThat(Durations.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(Durations.parse("500ms")).contains(Duration.ofMillis(500));
        assertThat(Durations.parse("1d")).contains(Duration.ofDays(1));
        assertThat(Durations.parse("30")).isEmpty();
        assertThat(Durations.parse("20 minutes")).isEmpty();
        assertThat(Durations.parse("-5s")).isEmpty();
        assertThat(Durations.parse("99999999999999999999d")).isEmpty();
        assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
        assertThat(Durations.format(Duration.ofHours(26))).isEqualTo("1d2h");
    }

    @Test
    void hostRangesExpandZeroPaddedAndRejectBackwardsRanges() {
        Problems problems = new Problems();
        assertThat(HostPatterns.expand("qe-c1-[001:003]", AT, "hosts[0]", problems)).contains(List.of("qe-c1-001", "qe-c1-002", "qe-c1-003"));
        assertThat(HostPatterns.expand("n[8:10].lab", AT, "hosts[0]", problems)).contains(List.of("n8.lab", "n9.lab", "n10.lab"));
        assertThat(HostPatterns.expand("qe-c1-001", AT, "hosts[0]", problems)).contains(List.of("qe-c1-001"));
        assertThat(problems.isEmpty()).isTrue();
        assertThat(HostPatterns.expand("qe-c1-[100:001]", AT, "hosts[0]", problems)).isEmpty();
        assertThat(HostPatterns.expand("qe-[1:20000]", AT, "hosts[1]", problems)).isEmpty();
        assertThat(HostPatterns.expand("qe-[1:2]-[1:2]", AT, "hosts[2]", problems)).isEmpty();
        assertThat(problems.sorted()).extracting(ConfigError::format).containsExactly(
                "f:3:7: hosts[0]: bad host range 'qe-c1-[100:001]': 100 is after 001; write the lower bound first, like [001:100]",
                "f:3:7: hosts[1]: bad host range 'qe-[1:20000]': more than 10000 hosts",
                "f:3:7: hosts[2]: bad host range 'qe-[1:2]-[1:2]': expected one range like qe-c1-[001:100]");
    }

    @Test
    void gitUrlsRejectEmbeddedCredentialsWithoutShowingThem() {
        Problems problems = new Problems();
        assertThat(GitUrls.checkUrl("https://git.example.com/nova.git", AT, "u", problems)).isPresent();
        assertThat(GitUrls.checkUrl("git@git.example.com:nova.git", AT, "u", problems)).isPresent();
        assertThat(GitUrls.checkUrl("ssh://git@git.example.com/nova.git", AT, "u", problems)).isPresent();
        assertThat(GitUrls.checkUrl("../repos/nova", AT, "u", problems)).isPresent();
        assertThat(GitUrls.checkUrl("file:///srv/git/nova.git", AT, "u", problems)).isPresent();
        assertThat(problems.isEmpty()).isTrue();
        assertThat(GitUrls.checkUrl("https://alice:hunter2@git.example.com/nova.git", AT, "u", problems)).isEmpty();
        assertThat(GitUrls.checkUrl("https://ghp_secrettoken@git.example.com/nova.git", AT, "u", problems)).isEmpty();
        assertThat(GitUrls.checkUrl("ssh://git:hunter2@git.example.com/nova.git", AT, "u", problems)).isEmpty();
        assertThat(problems.sorted()).hasSize(3).allSatisfy(e -> {
            assertThat(e.message()).startsWith("credentials embedded in URL").doesNotContain("hunter2", "secrettoken", "alice");
        });
        assertThat(GitUrls.redact("https://alice:hunter2@h/x.git")).isEqualTo("https://***@h/x.git");
    }

    @Test
    void branchSpecFromTheCommandLine() {
        BranchSpec spec = BranchSpec.parse("trunk", "https://git.example.com/nova.git#stable/2024");
        assertThat(spec).isEqualTo(new BranchSpec("trunk", "https://git.example.com/nova.git", "stable/2024"));
        assertThat(spec.ref()).isEqualTo("https://git.example.com/nova.git#stable/2024");
        assertThatThrownBy(() -> BranchSpec.parse("--branch", "https://u:hunter2@h/x.git#b"))
                .hasMessageStartingWith("--branch: credentials embedded in URL 'https://***@h/x.git'")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> BranchSpec.parse("--trunk", "https://h/x.git"))
                .hasMessageContaining("expected URL#branch");
    }

    @Test
    void suggestionsOnlyForCloseNames() {
        assertThat(Suggestions.closest("stges", List.of("name", "stages"))).contains("stages");
        assertThat(Suggestions.closest("zzzzzz", List.of("name", "stages"))).isEmpty();
    }
}
