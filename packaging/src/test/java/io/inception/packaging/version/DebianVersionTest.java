package io.inception.packaging.version;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebianVersionTest {

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = ' ', value = {
            "1.0 < 1.1",
            "1.0~rc1 < 1.0",
            "1.0~~ < 1.0~",
            "1.0 < 1.0+git1",
            "1.0a < 1.0.1",
            "1:0.1 > 2.0",
            "1.0 = 1.0-0",
            "1.01 = 1.1",
            "2.0-1 < 2.0-1.1",
            "2.0-1~bpo1 < 2.0-1",
            "1.0-1 < 1.0+0-1",
            "9 < 10",
            "1.0a < 1.0b",
            "1.0Z < 1.0a",
            "1.0 < 1.0a",
    })
    void sortsLikeDpkg(String a, String op, String b) {
        int c = DebianVersion.parse(a).compareTo(DebianVersion.parse(b));
        switch (op) {
            case "<" -> assertThat(c).isNegative();
            case ">" -> assertThat(c).isPositive();
            default -> assertThat(c).isZero();
        }
    }

    @Test
    void parsesEpochUpstreamRevision() {
        DebianVersion v = DebianVersion.parse("2:1.0-rc1-3");
        assertThat(v.epoch()).isEqualTo(2);
        assertThat(v.upstream()).isEqualTo("1.0-rc1");
        assertThat(v.revision()).isEqualTo("3");
        assertThat(v).hasToString("2:1.0-rc1-3");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc|upstream version must start with a digit",
            "1.0_1|upstream version has invalid character '_'",
            "x:1.0|epoch 'x' must be a number",
            "1.0-|revision is empty",
            "1.0-a_b|revision has invalid character '_'",
            "1.0:1|epoch '1.0' must be a number",
            ":1.0|epoch '' must be a number",
    })
    void rejectsInvalidVersionsSayingWhy(String text, String problem) {
        assertThatThrownBy(() -> DebianVersion.parse(text))
                .isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void buildVersionSaysWhereItCameFromAndSortsByTime() {
        BuildVersion first = new BuildVersion("2015.1.0", Instant.parse("2026-11-27T02:15:42Z"),
                "1A2B3C4D5E6F", 1);
        BuildVersion later = new BuildVersion("2015.1.0", Instant.parse("2026-11-27T09:00:00Z"), "0000000", 1);
        assertThat(first).hasToString("2015.1.0+git202611270215.1a2b3c4-1");
        assertThat(BuildVersion.parse(first.toString())).isEqualTo(first);
        assertThat(later.toDebianVersion().isNewerThan(first.toDebianVersion())).isTrue();
        assertThat(first.toDebianVersion().isNewerThan(DebianVersion.parse("2015.1.0-1"))).isTrue();
        assertThat(first.withRevision(2).toDebianVersion().isNewerThan(first.toDebianVersion())).isTrue();
        assertThat(DebianVersion.parse("2015.2.0~b1-1").isNewerThan(later.toDebianVersion())).isTrue();
    }

    @Test
    void buildVersionRejectsBadInput() {
        Instant t = Instant.parse("2026-11-27T02:15:00Z");
        assertThatThrownBy(() -> new BuildVersion("2015.1.0", t, "xyz", 1))
                .hasMessageContaining("at least 7 hex digits");
        assertThatThrownBy(() -> new BuildVersion("v2015", t, "1234567", 1))
                .hasMessageContaining("must start with a digit");
        assertThatThrownBy(() -> BuildVersion.parse("1.0-1")).hasMessageContaining("expected <upstream>");
    }
}
