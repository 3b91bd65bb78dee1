package io.inception.app.demo;

import io.inception.app.Inception;
import io.inception.app.InceptionHome;
import io.inception.app.access.AuditTrail;
import io.inception.app.cli.PackageCommand;
import io.inception.app.promotion.PromotionOutcome;
import io.inception.app.release.ReleaseFixture;
import io.inception.engine.model.Build;
import io.inception.engine.store.PromotionStatus;
import io.inception.packaging.stage.PackageReport;
import io.inception.smoke.stage.SmokeGate;
import io.inception.smoke.stage.SmokeStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's promotion step on a home holding a packaged build that passed the demo's QE smoke suite. */
class DemoPromotionTest {
    static final String VERSION = "29.0.0+git20261127.d1b2c3d-1";

    @TempDir
    Path dir;

    /** b-1's packages published as snapshot builds/b-1, the build and its QE facts (smoke:local passed). */
    private Path homeWithPassedBuild() throws Exception {
        Path home = dir.resolve("home");
        Path specs = ReleaseFixture.packageSpecs();
        Path tree = ReleaseFixture.novaTree(dir);
        int exit = new CommandLine(new PackageCommand()).execute("--build", "b-1", "--tree", tree.toString(), "--version",
                VERSION, "--specs", specs.toString(), "--out", dir.resolve("debs").toString(), "--publish", "--repo",
                home.resolve("apt").toString(), "--keys", home.resolve("keys").toString());
        assertThat(exit).isZero();
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            Instant at = Instant.parse("2026-11-27T03:00:00Z");
            // as the demo's pipeline leaves it: packages, QE's smoke report, no puppet fact (DemoPuppet applies HEAD)
            inception.store().builds().save(new Build("b-1", null, List.of(), "d1b2c3d", at));
            inception.store().builds().putFact("b-1", "package", new PackageReport("b-1", VERSION, List.of(
                    new PackageReport.PackageRecord("nova-compute", VERSION, "all", 1, "00", "nova-compute.deb")),
                    "builds/b-1", "qe"));
            inception.store().builds().putFact("b-1", SmokeStage.factName("local"),
                    ReleaseFixture.smokeReport("local", VERSION, true, at));
        }
        return home;
    }

    @Test
    void theDeveloperIsRefusedAndTheReleaseManagerPromotesTheSameSnapshotToTheSandboxStaging() throws Exception {
        Path home = homeWithPassedBuild();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            DemoPromotion.Result r = new DemoPromotion(inception, dir.resolve("work"), InceptionHome.sourceRoot(),
                    Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8)).run("b-1");
            String text = printed.toString(StandardCharsets.UTF_8);

            assertThat(r.ok()).as(text).isTrue();
            assertThat(r.developerAttempt().message()).isEqualTo("demo-dev: role developer may not promote; ask a release manager");
            assertThat(r.developerAudit().outcome()).isEqualTo(AuditTrail.DENIED);
            var promotion = ((PromotionOutcome.Promoted) r.outcome()).promotion();
            assertThat(promotion.approvedBy()).isEqualTo("demo-rm");
            assertThat(promotion.status()).isEqualTo(PromotionStatus.SUCCEEDED);
            assertThat(promotion.snapshot()).isEqualTo("builds/b-1");
            assertThat(promotion.message()).contains("10 of 10 host(s) on nova-compute " + VERSION, "on 7 control VM(s)",
                    "smoke passed: ");
            assertThat(inception.home().packaging(Clock.systemUTC()).repository().pointers().get("staging").buildId())
                    .isEqualTo("b-1");
            assertThat(SmokeGate.decide(inception.store().builds(), "b-1", "staging").open()).isTrue();
            assertThat(text).contains("==> promotion of b-1 to staging", "developer demo-dev: 403 ", "DENIED",
                    "ok: promoted b-1 to staging");
            assertThat(Files.readString(r.usersFile())).contains("demo-rm release-manager ", "demo-dev developer ");
            assertThat(Files.getPosixFilePermissions(r.usersFile())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(text).doesNotContain(Files.readString(r.usersFile()).lines().map(l -> l.split(" ")[2]).toList()
                    .toArray(String[]::new));
        }
    }

    @Test
    void aBuildThatDidNotPassTheDemosSmokeSuiteIsRefused() throws Exception {
        Path home = homeWithPassedBuild();
        try (Inception inception = Inception.open(new InceptionHome(home), null, Clock.systemUTC())) {
            inception.store().builds().putFact("b-1", SmokeStage.factName("local"),
                    ReleaseFixture.smokeReport("local", VERSION, false, Instant.parse("2026-11-27T03:00:00Z")));
            DemoPromotion.Result r = new DemoPromotion(inception, dir.resolve("work"), InceptionHome.sourceRoot(),
                    Clock.systemUTC(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run("b-1");

            assertThat(r.ok()).isFalse();
            assertThat(r.outcome()).isInstanceOf(PromotionOutcome.Refused.class);
            assertThat(r.outcome().message()).startsWith("cannot promote b-1 to staging: build b-1 failed the smoke suite on local");
            assertThat(inception.home().packaging(Clock.systemUTC()).repository().pointers()).doesNotContainKey("staging");
            assertThat(List.of(r.developerAudit().action(), r.developerAudit().target())).containsExactly("promote", "b-1 -> staging");
        }
    }
}
