package io.inception.smoke.run;

import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.fixtures.SandboxDeployment;
import io.inception.smoke.report.SmokeRunFolders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (the name keeps it out of Surefire's default includes): the whole smoke suite and the
 * Allure report against a sandbox deployment of {@code -Dbench.hosts} hosts, three runs, one
 * {@code BENCH} line each. Run by {@code bench/smoke/sandbox.sh}.
 */
class SmokeSandboxBench {
    @TempDir
    Path dir;

    @Test
    void suiteAndReport() {
        int hosts = Integer.getInteger("bench.hosts", 200);
        try (SandboxDeployment sandbox = new SandboxDeployment(dir, hosts)) {
            for (int i = 1; i <= 3; i++) {
                Path folder = dir.resolve("run-" + i);
                long t0 = System.nanoTime();
                SmokeReport report = SmokeSuite.standard().run(sandbox.environment(), SmokeSettings.DEFAULT, folder);
                long t1 = System.nanoTime();
                SmokeRunFolders.report(folder, "bench", "r-" + i);
                long t2 = System.nanoTime();
                assertThat(report.passed()).as(report.verdict()).isTrue();
                System.out.printf("BENCH run %d: %d hosts, %d tests, suite %d ms, report %d ms%n", i, hosts,
                        report.counts().total(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            }
        }
    }
}
