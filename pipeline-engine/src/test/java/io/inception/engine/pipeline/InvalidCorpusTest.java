package io.inception.engine.pipeline;

import io.inception.engine.config.ConfigError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of malformed files under {@code src/test/resources/invalid/}: each file ends with
 * {@code # expect: line:column: field: message} lines (errors in another file, such as a library
 * template, are written in full: {@code file:line:column: field: message}), and the validator must
 * report exactly those, in order, and never a secret.
 */
class InvalidCorpusTest {
    private static final String EXPECT = "# expect: ";
    private static final List<String> SECRETS = List.of("hunter2", "s3cret-token", "ghp_0123456789abcdef");

    @TempDir
    static Path tmp;
    private static Path corpus;
    private static GitLibraries libraries;

    @BeforeAll
    static void copyCorpusAndMakeLibrary() throws Exception {
        corpus = tmp.resolve("invalid");
        GitFixtures.copyTree(GitFixtures.resource("invalid"), corpus);
        GitFixtures.library(corpus.resolve("library-repo"));
        libraries = new GitLibraries(tmp.resolve("cache"));
    }

    @AfterAll
    static void closeLibraries() {
        libraries.close();
    }

    static Stream<String> corpusFiles() throws IOException {
        Path root = GitFixtures.resource("invalid");
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList().stream();
        }
    }

    @Test
    void corpusHasAtLeastTwentyFilesCoveringEveryKind() throws IOException {
        List<String> files = corpusFiles().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        assertThat(files).anyMatch(f -> f.startsWith("pipelines/")).anyMatch(f -> f.startsWith("environments/"))
                .anyMatch(f -> f.startsWith("branches/")).anyMatch(f -> f.startsWith("templates/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusFiles")
    void reportsExactlyTheExpectedErrors(String relative) throws IOException {
        Path file = corpus.resolve(relative);
        List<String> expected = Files.readAllLines(file).stream().filter(l -> l.startsWith(EXPECT))
                .map(l -> l.substring(EXPECT.length())).toList();

        ValidationReport report = new Validator(StageTypes.builtIn(), libraries).validatePath(file);

        List<String> actual = report.errors().stream().map(e -> shown(e, file)).toList();
        assertThat(actual).as("errors of %s", relative).containsExactlyElementsOf(expected);
        assertThat(expected).as("%s declares its expected errors", relative).isNotEmpty();
        assertThat(report.ok()).isFalse();
        for (ConfigError e : report.errors()) {
            for (String secret : SECRETS) assertThat(e.format()).doesNotContain(secret);
        }
    }

    private static String shown(ConfigError e, Path file) {
        return e.file().equals(file.toString())
                ? e.line() + ":" + e.column() + ": " + e.field() + ": " + e.message()
                : e.format();
    }
}
