package io.inception.engine.unittest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JUnitReportsTest {
    @TempDir
    Path root;

    private Path write(String name, String xml) throws Exception {
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, xml);
        return root.relativize(p);
    }

    @Test
    void sumsSurefireSuitesAndPytestWrappersWithoutCountingTwice() throws Exception {
        write("a/TEST-A.xml", "<testsuite tests='4' failures='1' errors='0' skipped='1'/>");
        write("b/TEST-B.xml", """
                <testsuites tests="10" failures="2" errors="1">
                  <testsuite tests="6" failures="2" errors="0" skipped="0"/>
                  <testsuite tests="4" failures="0" errors="1" skipped="2">
                  </testsuite>
                </testsuites>""");
        write("c/TEST-C.xml", """
                <testsuite name="outer">
                  <testsuite name="inner" tests="2" failures="0" errors="0" skipped="0"/>
                  <testsuite name="no-attributes">
                    <testcase name="ok"/>
                    <testcase name="bad"><failure/></testcase>
                    <testcase name="boom"><error/></testcase>
                    <testcase name="later"><skipped/></testcase>
                  </testsuite>
                </testsuite>""");

        JUnitReports.Result r = JUnitReports.count(root, JUnitReports.find(root, "**/TEST-*.xml"));

        assertThat(r.rejected()).isEmpty();
        assertThat(r.files()).containsExactly("a/TEST-A.xml", "b/TEST-B.xml", "c/TEST-C.xml");
        // A: 4 tests, 2 passed; B (its children, not the wrapper): 10, 5 passed; C: 6, 3 passed
        assertThat(r.counts()).isEqualTo(new TestCounts(20, 10, 4, 2, 4));
    }

    @Test
    void aDoubleStarGlobAlsoMatchesAtTheTopAndSkipsGitFolders() throws Exception {
        write("TEST-top.xml", "<testsuite tests='1'/>");
        write(".git/TEST-hidden.xml", "<testsuite tests='1'/>");
        assertThat(JUnitReports.find(root, "**/TEST-*.xml")).containsExactly(Path.of("TEST-top.xml"));
        assertThat(JUnitReports.find(root, null)).isEmpty();
    }

    @Test
    void rejectsExternalEntitiesEntityBombsAndFilesThatAreNotJUnit() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.txt"), "TOP-SECRET");
        List<Path> files = List.of(
                write("xxe.xml", "<?xml version='1.0'?><!DOCTYPE t [<!ENTITY x SYSTEM '" + secret.toUri() + "'>]>"
                        + "<testsuite name='&x;' tests='1'/>"),
                write("param.xml", "<?xml version='1.0'?><!DOCTYPE t [<!ENTITY % p SYSTEM 'http://127.0.0.1:1/evil.dtd'> %p;]>"
                        + "<testsuite tests='1'/>"),
                write("bomb.xml", "<?xml version='1.0'?><!DOCTYPE l [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;'>"
                        + "<!ENTITY c '&b;&b;&b;&b;&b;'>]><testsuite name='&c;' tests='1'/>"),
                write("truncated.xml", "<testsuite tests='1'"),
                write("pom.xml", "<project/>"),
                write("negative.xml", "<testsuite tests='-3'/>"),
                write("good.xml", "<testsuite tests='2' failures='0' errors='0' skipped='0'/>"));

        JUnitReports.Result r = JUnitReports.count(root, files);

        assertThat(r.files()).containsExactly("good.xml");
        assertThat(r.counts()).isEqualTo(new TestCounts(2, 2, 0, 0, 0));
        assertThat(r.rejected()).hasSize(6);
        assertThat(r.rejected()).filteredOn(s -> s.startsWith("xxe.xml") || s.startsWith("param.xml") || s.startsWith("bomb.xml"))
                .hasSize(3).allSatisfy(s -> assertThat(s).contains("DOCTYPE"));
        assertThat(r.rejected()).anySatisfy(s -> assertThat(s).startsWith("pom.xml: not a JUnit report (root element <project>)"));
        assertThat(r.rejected()).anySatisfy(s -> assertThat(s).startsWith("negative.xml: attribute tests=\"-3\""));
        assertThat(String.join("\n", r.rejected())).doesNotContain("TOP-SECRET");
    }

    @Test
    void noMatchingFileMeansNoCounts() {
        assertThat(JUnitReports.count(root, List.of()).counts()).isNull();
    }

    @Test
    void theLogTailKeepsTheLastLinesAndMasksPasswords() throws Exception {
        StringBuilder log = new StringBuilder();
        for (int i = 1; i <= 500; i++) log.append("line ").append(i).append('\n');
        log.append("cloning https://bot:pa55word@git.example/x.git\n");
        Path file = Files.writeString(root.resolve("output.log"), log);

        String tail = LogTail.read(file);

        assertThat(tail).endsWith("cloning https://bot:***@git.example/x.git\n").contains("line 500")
                .doesNotContain("line 400\n");
        assertThat(tail.lines().count()).isLessThanOrEqualTo(LogTail.MAX_LINES);
    }
}
