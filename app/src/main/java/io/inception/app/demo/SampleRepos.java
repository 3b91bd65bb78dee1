package io.inception.app.demo;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Creates the demo's sample repositories: a "trunk" (a tiny nova look-alike with its own unit
 * tests) and three custom branches, each in a repository of its own, forked from an older trunk:
 * <ul>
 *   <li>{@code xenapi-vm-plugin} edits a file that trunk has since renamed (merges cleanly, as with
 *       {@code git merge});</li>
 *   <li>{@code cells-scheduler-fix} edits the line that trunk commit "Rework compute retry policy"
 *       changed too (conflicts, and that commit is named as the culprit);</li>
 *   <li>{@code billing-notifications} adds a module of its own (merges cleanly).</li>
 * </ul>
 */
public final class SampleRepos {
    /** The paths of the made repositories and the commit that the conflict will be blamed on. */
    public record Layout(Path trunk, String trunkBranch, List<Branch> branches, Path candidate,
                         String culpritSha, String culpritSubject) {
    }

    /** One custom branch repository. */
    public record Branch(String name, Path repo, String branch) {
    }

    public static final String CULPRIT_SUBJECT = "Rework compute retry policy";

    private final Clock clock;

    public SampleRepos(Clock clock) {
        this.clock = clock;
    }

    public Layout create(Path dir) throws IOException, GitAPIException {
        Files.createDirectories(dir);
        Path trunkDir = dir.resolve("trunk");
        Instant t = clock.instant().minus(Duration.ofDays(3));
        PersonIdent upstream = person("Nova Upstream", "upstream@nova.invalid", t);

        try (Git trunk = Git.init().setDirectory(trunkDir.toFile()).setInitialBranch("master").call()) {
            write(trunkDir, "README.rst", "nova (sample trunk for the Inception demo)\n");
            write(trunkDir, "nova/__init__.py", "");
            write(trunkDir, "nova/version.py", "VERSION = '27.1.0'\n");
            write(trunkDir, "nova/compute/manager.py", """
                    class ComputeManager:
                        # how often a failed build is retried before the instance goes to ERROR
                        max_build_retries = 3

                        def build_and_run_instance(self, instance):
                            return self.driver.spawn(instance)
                    """);
            write(trunkDir, "nova/virt/xenapi/vmops.py", """
                    class VMOps:
                        def spawn(self, instance):
                            vm_ref = self._create_vm(instance)
                            self._start(vm_ref)
                            return vm_ref
                    """);
            write(trunkDir, "tests/run.sh", TEST_SCRIPT);
            trunkDir.resolve("tests/run.sh").toFile().setExecutable(true);
            RevCommit base = commit(trunk, "Initial import of the sample nova tree", upstream);

            // the custom branches fork here, each in a repository of its own
            List<Branch> branches = List.of(
                    forkBranch(dir, trunkDir, base, "xenapi-vm-plugin", t.plusSeconds(600), repo -> {
                        replace(repo, "nova/virt/xenapi/vmops.py", "        self._start(vm_ref)\n",
                                "        self._start(vm_ref)\n        self._install_vm_plugin(vm_ref)\n");
                        return "XenAPI: install the operator's VM plugin after start";
                    }),
                    forkBranch(dir, trunkDir, base, "cells-scheduler-fix", t.plusSeconds(1200), repo -> {
                        replace(repo, "nova/compute/manager.py", "max_build_retries = 3", "max_build_retries = 5");
                        return "Cells: retry builds five times before ERROR";
                    }),
                    forkBranch(dir, trunkDir, base, "billing-notifications", t.plusSeconds(1800), repo -> {
                        write(repo, "nova/notifications/billing.py",
                                "def usage_event(instance):\n    return {'event': 'compute.instance.exists'}\n");
                        return "Emit billing usage events";
                    }));

            // trunk moves on: a rename, the conflicting change, an unrelated change
            Files.createDirectories(trunkDir.resolve("nova/virt/xenapi"));
            Files.move(trunkDir.resolve("nova/virt/xenapi/vmops.py"), trunkDir.resolve("nova/virt/xenapi/vm_operations.py"));
            trunk.rm().addFilepattern("nova/virt/xenapi/vmops.py").call();
            commit(trunk, "Rename xenapi vmops to vm_operations", person("Ada Rename", "ada@nova.invalid", t.plus(Duration.ofHours(5))));
            replace(trunkDir, "nova/compute/manager.py", "max_build_retries = 3", "max_build_retries = 4");
            RevCommit culprit = commit(trunk, CULPRIT_SUBJECT,
                    person("Grace Retry", "grace@nova.invalid", t.plus(Duration.ofHours(6))));
            replace(trunkDir, "nova/version.py", "27.1.0", "27.2.0");
            commit(trunk, "Bump version to 27.2.0", person("Nova Upstream", "upstream@nova.invalid", t.plus(Duration.ofHours(7))));

            Path candidate = dir.resolve("candidate.git");
            Git.init().setBare(true).setDirectory(candidate.toFile()).setInitialBranch("master").call().close();
            return new Layout(trunkDir, "master", branches, candidate, culprit.getName(), CULPRIT_SUBJECT);
        }
    }

    private interface Change {
        String apply(Path repo) throws IOException;
    }

    private Branch forkBranch(Path dir, Path trunkDir, RevCommit base, String name, Instant when, Change change)
            throws IOException, GitAPIException {
        Path repo = dir.resolve("custom-" + name);
        try (Git git = Git.cloneRepository().setURI(trunkDir.toUri().toString()).setDirectory(repo.toFile()).call()) {
            git.checkout().setCreateBranch(true).setName(name).setStartPoint(base).call();
            String subject = change.apply(repo);
            commit(git, subject, person("Operator Team", "ops@operator.invalid", when));
        }
        return new Branch(name, repo, name);
    }

    private static RevCommit commit(Git git, String message, PersonIdent who) throws GitAPIException {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
    }

    private static PersonIdent person(String name, String email, Instant when) {
        return new PersonIdent(name, email, when, ZoneOffset.UTC);
    }

    private static void write(Path root, String file, String content) throws IOException {
        Path p = root.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private static void replace(Path root, String file, String from, String to) throws IOException {
        Path p = root.resolve(file);
        String text = Files.readString(p);
        if (!text.contains(from)) throw new IllegalStateException(file + " lacks '" + from + "'");
        Files.writeString(p, text.replace(from, to));
    }

    /** The sample trunk's own unit tests: plain shell, writing JUnit XML like Surefire or pytest. */
    private static final String TEST_SCRIPT = """
            #!/bin/sh
            # The sample trunk's unit tests. Writes JUnit XML to test-reports/.
            cd "$(dirname "$0")/.." || exit 2
            mkdir -p test-reports
            pass=0; fail=0; cases=""
            check() {
              if eval "$2"; then pass=$((pass+1)); cases="$cases<testcase classname=\\"nova.tests\\" name=\\"$1\\"/>"
              else fail=$((fail+1)); cases="$cases<testcase classname=\\"nova.tests\\" name=\\"$1\\"><failure message=\\"$1 failed\\"/></testcase>"; echo "FAIL: $1"; fi
            }
            check version_is_set "grep -q VERSION nova/version.py"
            check compute_manager_retries "grep -Eq 'max_build_retries = [0-9]+' nova/compute/manager.py"
            check xenapi_vmops_spawns "grep -rq 'def spawn' nova/virt/xenapi/"
            check no_conflict_markers "! grep -rq '^<<<<<<<' nova"
            total=$((pass+fail))
            printf '<?xml version="1.0"?>\\n<testsuite name="nova.tests" tests="%d" failures="%d" errors="0" skipped="0">%s</testsuite>\\n' \\
              "$total" "$fail" "$cases" > test-reports/TEST-nova.tests.xml
            echo "$pass passed, $fail failed"
            [ "$fail" -eq 0 ]
            """;
}
