package io.inception.puppet.validate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Puppet 7's error lines (as Debian's puppet 7.23 prints them) into file, line, column and message. */
class PuppetErrorsTest {
    static final String ROOT = "/work/tree";

    @Test
    void everySyntaxErrorOfAValidateRunWithItsFileLineAndColumn() {
        String log = """
                Error: Could not parse for environment production: Syntax error at '}' (file: /work/tree/modules/role/manifests/broken.pp, line: 2, column: 26)
                Error: Could not parse for environment production: Syntax error at end of input (file: /work/tree/manifests/site.pp)
                """;
        assertThat(PuppetErrors.all(log, ROOT)).containsExactly(
                new ManifestProblem("modules/role/manifests/broken.pp", 2, 26, "Could not parse for environment production: Syntax error at '}'"),
                new ManifestProblem("manifests/site.pp", 0, 0, "Could not parse for environment production: Syntax error at end of input"));
        assertThat(PuppetErrors.all(log, ROOT).get(0).describe())
                .isEqualTo("modules/role/manifests/broken.pp:2:26: Could not parse for environment production: Syntax error at '}'");
        assertThat(PuppetErrors.all(log, ROOT).get(1).describe())
                .isEqualTo("manifests/site.pp: Could not parse for environment production: Syntax error at end of input");
    }

    @Test
    void aCompileFailureIsItsFirstErrorNotPuppetsRepetitionOfIt() {
        String log = """
                Warning: Could not retrieve either serverip or serverip6 fact
                Error: Evaluation Error: Error while evaluating a Function Call, Could not find class ::nosuch for n1 (file: /work/tree/modules/role/manifests/bad.pp, line: 1, column: 19) on node n1
                Error: Could not call 'find' on 'catalog': Evaluation Error: Error while evaluating a Function Call, Could not find class ::nosuch for n1 (file: /work/tree/modules/role/manifests/bad.pp, line: 1, column: 19) on node n1
                Error: Try 'puppet help catalog find' for usage
                """;
        assertThat(PuppetErrors.compile(log, ROOT, 1)).isEqualTo(new ManifestProblem("modules/role/manifests/bad.pp", 1, 19,
                "Evaluation Error: Error while evaluating a Function Call, Could not find class ::nosuch for n1"));
    }

    @Test
    void anErrorWithoutALocationKeepsItsMessageAndAFailureWithoutErrorsNamesTheExitAndLastLine() {
        assertThat(PuppetErrors.compile("Error: Function lookup() did not find a value for the name 'inception::x'\n", ROOT, 1))
                .isEqualTo(new ManifestProblem(null, 0, 0, "Function lookup() did not find a value for the name 'inception::x'"));
        assertThat(PuppetErrors.compile("starting\nKilled\n", ROOT, 137))
                .isEqualTo(new ManifestProblem(null, 0, 0, "puppet exited 137: Killed"));
        assertThat(PuppetErrors.compile("", ROOT, 1).describe()).isEqualTo("puppet exited 1: no output");
    }

    @Test
    void aFileOutsideTheManifestFolderKeepsItsAbsolutePath() {
        assertThat(PuppetErrors.parse("Syntax error at 'x' (file: /etc/puppet/x.pp, line: 4)", ROOT))
                .isEqualTo(new ManifestProblem("/etc/puppet/x.pp", 4, 0, "Syntax error at 'x'"));
    }
}
