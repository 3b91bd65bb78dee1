package io.inception.smoke.run;

import io.inception.sandbox.inova.InovaSimulator;
import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.fixtures.SandboxDeployment;
import io.inception.smoke.suite.SmokeSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped smoke suite against a sandbox deployment: iNova simulator + sandbox SSH hosts. */
class SandboxSmokeTest {
    private static final SmokeSession.Timeouts FAST = new SmokeSession.Timeouts(Duration.ofSeconds(10),
            Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofMillis(50));

    @TempDir
    Path dir;

    private SandboxDeployment sandbox;
    private final SmokeSuite suite = SmokeSuite.standard().withTimeouts(FAST);

    @BeforeEach
    void deploy() {
        sandbox = new SandboxDeployment(dir, 3);
    }

    @AfterEach
    void tearDown() {
        sandbox.close();
    }

    private SmokeReport run(SmokeSettings settings) {
        return suite.run(sandbox.environment(), settings, dir.resolve("out"));
    }

    @Test
    void theWholeSuitePassesAgainstAHealthyDeploymentAndLeavesNoServer() {
        SmokeReport report = run(SmokeSettings.DEFAULT);

        assertThat(report.failures()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(report.tests()).extracting(TestOutcome::id).containsExactlyInAnyOrder(
                "KeystoneSmoke#issuesAProjectScopedToken", "NovaApiSmoke#apiVersionSupportsTheSuitesMicroversion",
                "NovaApiSmoke#flavorsAreListed", "GlanceSmoke#imagesAreListedAndOneIsActive",
                "ComputeHostsSmoke#everyHostRunsTheExpectedVersion", "ComputeHostsSmoke#novaComputeIsUpAndEnabledOnEveryHost",
                "ServerLifecycleSmoke#bootsAndDeletesAServer");
        assertThat(report.counts()).isEqualTo(new SmokeReport.Counts(7, 7, 0, 0, 0, 0));
        assertThat(sandbox.cloud().servers()).extracting(InovaSimulator.ServerInfo::name)
                .noneMatch(n -> n.startsWith("inception-smoke-"));
    }

    @Test
    void aHostWithTheWrongVersionFailsTheComputeTestNamingTheHostWithItsLogAttached() throws IOException {
        sandbox.host("c1-002").state().withPackage("nova-compute", "1.0-1");

        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("compute & !labs"));

        assertThat(report.passed()).isFalse();
        assertThat(report.failures()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("ComputeHostsSmoke#everyHostRunsTheExpectedVersion");
            assertThat(t.message()).isEqualTo("1 of 3 hosts failed: c1-002: nova-compute is 1.0-1, expected 2.0-1 from builds/b-7");
            assertThat(t.attempts()).isEqualTo(2);
        });
        assertThat(report.tests()).extracting(TestOutcome::id).containsExactlyInAnyOrder(
                "ComputeHostsSmoke#everyHostRunsTheExpectedVersion", "ComputeHostsSmoke#novaComputeIsUpAndEnabledOnEveryHost");
        Path results = Path.of(report.allureResults());
        assertThat(SmokeSuiteTest.readAll(results, "-result.json")).contains("\"name\":\"c1-002 log\"",
                "\"name\":\"host c1-002: nova-compute is 2.0-1\",\"status\":\"failed\"",
                "\"name\":\"host c1-001: nova-compute is 2.0-1\",\"status\":\"passed\"");
        assertThat(SmokeSuiteTest.readAll(results, "-attachment.txt")).contains("host c1-002 (", "$ dpkg -s nova-compute",
                "Version: 1.0-1", "$ systemctl is-active nova-compute", "active");
    }

    @Test
    void aComputeServiceThatIsDownFailsNamingTheHost() {
        sandbox.cloud().faults().computeHostDown("c1-003", true);

        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("compute & !labs"));

        assertThat(report.failures()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("ComputeHostsSmoke#novaComputeIsUpAndEnabledOnEveryHost");
            assertThat(t.message()).isEqualTo("1 of 3 hosts failed: c1-003: nova-compute is down and enabled");
        });
    }

    @Test
    void aBootThatFailsOnceIsRetriedAndRecordedAsFlaky() {
        sandbox.cloud().faults().failNextBoot("inception-smoke-.*");

        SmokeReport report = run(SmokeSettings.DEFAULT.withTags("labs"));

        assertThat(report.passed()).isTrue();
        assertThat(report.flaky()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("ServerLifecycleSmoke#bootsAndDeletesAServer");
            assertThat(t.attempts()).isEqualTo(2);
            assertThat(t.message()).startsWith("server inception-smoke-sandbox-").contains(" went to ERROR: ");
        });
        assertThat(report.tests()).extracting(TestOutcome::id)
                .containsExactlyInAnyOrder("KeystoneSmoke#issuesAProjectScopedToken", "ServerLifecycleSmoke#bootsAndDeletesAServer");
    }

    @Test
    void aQuarantinedFailureIsReportedButTheSuitePasses() {
        sandbox.host("c1-001").state().withPackage("nova-compute", "1.0-1");

        SmokeReport report = run(SmokeSettings.DEFAULT.withQuarantine("ComputeHostsSmoke#everyHostRunsTheExpectedVersion"));

        assertThat(report.passed()).isTrue();
        assertThat(report.quarantined()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TestOutcome.Status.FAILED);
            assertThat(t.message()).contains("c1-001: nova-compute is 1.0-1, expected 2.0-1");
        });
        assertThat(report.verdict()).isEqualTo("passed: 7 tests: 6 passed, 1 failed, 0 skipped (1 quarantined failure not gating)");
    }

    @Test
    void theCloudPasswordAndTokenNeverReachTheResults() throws IOException {
        sandbox.host("c1-001").state().withPackage("nova-compute", "1.0-1");
        SmokeReport report = run(SmokeSettings.DEFAULT);

        String password = sandbox.cloud().password();
        assertThat(report.toString()).doesNotContain(password);
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password).doesNotContain("X-Auth-Token");
            }
        }
    }
}
