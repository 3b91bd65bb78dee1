package io.inception.engine.scheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathGlobTest {
    @Test
    void doubleStarMatchesAnyNumberOfDirectories() {
        PathGlob puppet = PathGlob.parse("puppet/**");
        assertThat(puppet.matches("puppet/manifests/x.pp")).isTrue();
        assertThat(puppet.matches("puppet/site.pp")).isTrue();
        assertThat(puppet.matches("puppet")).isFalse();
        assertThat(puppet.matches("puppetry/x.pp")).isFalse();
        assertThat(puppet.matches("docs/puppet/x.pp")).isFalse();

        PathGlob pp = PathGlob.parse("**/*.pp");
        assertThat(pp.matches("site.pp")).isTrue();
        assertThat(pp.matches("puppet/modules/nova/init.pp")).isTrue();
        assertThat(pp.matches("puppet/init.ppx")).isFalse();

        PathGlob middle = PathGlob.parse("environments/**/manifests/*.pp");
        assertThat(middle.matches("environments/manifests/a.pp")).isTrue();
        assertThat(middle.matches("environments/puppet/modules/role/manifests/glance.pp")).isTrue();
        assertThat(middle.matches("environments/puppet/manifests/sub/a.pp")).isFalse();
    }

    @Test
    void starQuestionMarkAndClassesStayWithinOneSegment() {
        assertThat(PathGlob.parse("docs/*.md").matches("docs/guide.md")).isTrue();
        assertThat(PathGlob.parse("docs/*.md").matches("docs/sub/guide.md")).isFalse();
        assertThat(PathGlob.parse("v?.txt").matches("v1.txt")).isTrue();
        assertThat(PathGlob.parse("v?.txt").matches("v/.txt")).isFalse();
        assertThat(PathGlob.parse("cell[0-9].yaml").matches("cell3.yaml")).isTrue();
        assertThat(PathGlob.parse("cell[!0-9].yaml").matches("cell3.yaml")).isFalse();
        assertThat(PathGlob.parse("cell[!0-9].yaml").matches("cellx.yaml")).isTrue();
        assertThat(PathGlob.parse("a+b(c).txt").matches("a+b(c).txt")).as("regex characters are literal").isTrue();
        assertThat(PathGlob.parse("README").matches("README")).isTrue();
    }

    @Test
    void rejectsWhatCannotMeanARepositoryPath() {
        assertThatThrownBy(() -> PathGlob.parse(" ")).hasMessage("must not be empty");
        assertThatThrownBy(() -> PathGlob.parse("/puppet/**"))
                .hasMessage("'/puppet/**' is not a valid glob: must be relative to the repository root (no leading '/')");
        assertThatThrownBy(() -> PathGlob.parse("puppet/"))
                .hasMessage("'puppet/' is not a valid glob: ends with '/'; write 'puppet/**' for everything under it");
        assertThatThrownBy(() -> PathGlob.parse("puppet**"))
                .hasMessage("'puppet**' is not a valid glob: '**' must be a whole path segment (e.g. 'puppet/**' or '**/*.pp')");
        assertThatThrownBy(() -> PathGlob.parse("a//b")).hasMessage("'a//b' is not a valid glob: has an empty path segment ('//')");
        assertThatThrownBy(() -> PathGlob.parse("../x")).hasMessage("'../x' is not a valid glob: '.' and '..' segments are not allowed");
        assertThatThrownBy(() -> PathGlob.parse("cell[0-9.yaml")).hasMessage("'cell[0-9.yaml' is not a valid glob: has an unclosed '['");
        assertThatThrownBy(() -> PathGlob.parse("a[]b")).hasMessage("'a[]b' is not a valid glob: has an empty '[]'");
        assertThatThrownBy(() -> PathGlob.parse("puppet\\x.pp"))
                .hasMessage("'puppet\\x.pp' is not a valid glob: '\\' is not allowed (paths are separated by '/')");
    }

    @Test
    void aFilterCountsPathsMatchingPathsAndNotPathsIgnore() {
        PathFilter f = PathFilter.of(java.util.List.of("puppet/**"), java.util.List.of("**/*.md"));
        assertThat(f.counts("puppet/manifests/x.pp")).isTrue();
        assertThat(f.counts("puppet/README.md")).isFalse();
        assertThat(f.counts("nova/api.py")).isFalse();
        PathFilter ignoreOnly = PathFilter.of(java.util.List.of(), java.util.List.of("docs/**"));
        assertThat(ignoreOnly.counts("nova/api.py")).isTrue();
        assertThat(ignoreOnly.counts("docs/a.md")).isFalse();
        assertThat(PathFilter.ANY.isAny()).isTrue();
        assertThat(f.describe()).isEqualTo("paths [puppet/**] ignoring [**/*.md]");
    }
}
