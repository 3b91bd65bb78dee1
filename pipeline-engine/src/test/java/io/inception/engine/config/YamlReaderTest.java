package io.inception.engine.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Positions survive parsing; syntax errors and duplicate keys are errors with a position. */
class YamlReaderTest {
    @Test
    void everyNodeKnowsItsFileLineAndColumn() {
        Parsed<YamlNode> parsed = YamlReader.read("a: 1\nb:\n  - x\n  - {c: true, d: 2.5, e: ~}\n", "f.yaml");
        YamlNode.Mapping root = (YamlNode.Mapping) parsed.value();
        YamlNode.Sequence b = (YamlNode.Sequence) root.entry("b").orElseThrow().value();
        YamlNode.Mapping item = (YamlNode.Mapping) b.items().get(1);
        assertThat(root.entry("a").orElseThrow().value().position()).isEqualTo(new Position("f.yaml", 1, 4));
        assertThat(b.items().get(0).position()).isEqualTo(new Position("f.yaml", 3, 5));
        assertThat(item.entry("c").orElseThrow().key().position()).isEqualTo(new Position("f.yaml", 4, 6));
        assertThat(((YamlNode.Scalar) item.entry("c").orElseThrow().value()).kind()).isEqualTo(YamlNode.ScalarKind.BOOL);
        assertThat(((YamlNode.Scalar) item.entry("d").orElseThrow().value()).kind()).isEqualTo(YamlNode.ScalarKind.FLOAT);
        assertThat(((YamlNode.Scalar) item.entry("e").orElseThrow().value()).isNull()).isTrue();
        assertThat(parsed.errors()).isEmpty();
    }

    @Test
    void syntaxErrorsAndDuplicateKeysAreReportedWithPositions() {
        assertThat(YamlReader.read("a: [1, 2\n", "f.yaml").errors()).extracting(ConfigError::format)
                .singleElement().asString().startsWith("f.yaml:2:1: (document): YAML syntax error: ");
        assertThat(YamlReader.read("a: 1\nb:\n  c: 1\n  c: 2\n", "f.yaml").errors()).extracting(ConfigError::format)
                .containsExactly("f.yaml:4:3: b.c: duplicate key 'c' (first defined at line 3)");
        assertThat(YamlReader.read("# only a comment\n", "f.yaml").errors()).extracting(ConfigError::format)
                .containsExactly("f.yaml:1:1: (document): the file is empty");
        assertThat(YamlReader.read("a: 1\n---\nb: 2\n", "f.yaml").errors()).hasSize(1);
    }

    @Test
    void recursiveAliasesDoNotLoopForever() {
        assertThat(YamlReader.read("a: &x [*x]\n", "f.yaml").errors()).isNotEmpty();
    }
}
