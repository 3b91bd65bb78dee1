package io.inception.app.demo;

import io.inception.engine.store.BuildRepository;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import io.inception.sandbox.ssh.SandboxHost;
import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.report.SmokeHistory;
import io.inception.smoke.run.SmokeReport;
import io.inception.smoke.run.SmokeSuite;
import io.inception.smoke.stage.SmokeReports;
import io.inception.smoke.stage.SmokeStage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The demo's smoke step: a sandbox deployment (the iNova simulator whose hypervisors are sandbox SSH
 * hosts, each upgraded to the build's nova-compute), the shipped smoke suite run in-process against
 * it with the first server boot failing once (so the report shows a retry recorded as flaky), the
 * report stored with the build, and the Allure HTML report with the environment's history.
 */
public final class DemoSmoke {
    /** What the smoke step did. */
    public record Result(SmokeReport report, Path reportIndex) {
        public boolean passed() {
            return report.passed();
        }
    }

    private DemoSmoke() {
    }

    /**
     * Runs the suite into {@code folder} (use {@code <home>/runs/<run>/smoke} so that
     * {@code inception report <run>} finds it); when {@code builds} is given, the report becomes the
     * build's {@code smoke:sandbox} fact, which is what {@code SmokeGate} reads.
     */
    public static Result run(Path folder, String runId, String version, BuildRepository builds, String buildId,
                             Path home, Clock clock, PrintStream out) {
        try (SandboxFleet fleet = SandboxFleet.start(SandboxFleetSpec.of(4, 2, folder.resolve("sandbox")))) {
            fleet.hosts().forEach(h -> h.state().withPackage("nova-compute", version));
            List<String> hypervisors = fleet.hosts().stream().map(SandboxHost::name).toList();
            try (InovaSimulator cloud = InovaSimulator.start(InovaSpec.defaults().withComputeHosts(hypervisors)
                    .withBootDelay(Duration.ofMillis(300)))) {
                cloud.faults().failNextBoot("inception-smoke-.*");
                DeployedEnvironment env = SandboxDeployments.of("sandbox", cloud, fleet, version, buildId == null ? null : "builds/" + buildId,
                        folder.resolve("sandbox/known_hosts"));
                out.printf("      smoke suite against the sandbox: Keystone %s, %d compute hosts on nova-compute %s%n",
                        cloud.authUrl(), hypervisors.size(), version);
                SmokeReport report = SmokeSuite.standard().withClock(clock).run(env, SmokeSettings.DEFAULT, folder);
                Path index = SmokeReports.generate(report, runId, new SmokeHistory(home.resolve("smoke-history")));
                if (builds != null && buildId != null) builds.putFact(buildId, SmokeStage.factName("sandbox"), report);
                out.println("      " + report.line());
                report.flaky().forEach(t -> out.println("      flaky (passed on retry): " + t.id() + " — first attempt: " + t.message()));
                out.println("      Allure report: " + index.toUri());
                return new Result(report, index);
            }
        }
    }
}
