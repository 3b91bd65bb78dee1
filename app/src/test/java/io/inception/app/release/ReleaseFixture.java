package io.inception.app.release;

import io.inception.engine.fleet.HostTarget;
import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.model.Environment;
import io.inception.engine.model.ExecutionStatus;
import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageDef;
import io.inception.engine.rollout.HostPhase;
import io.inception.engine.rollout.HostRecord;
import io.inception.engine.rollout.RolloutSpec;
import io.inception.engine.store.NewRun;
import io.inception.engine.store.Store;
import io.inception.packaging.stage.PackageReport;
import io.inception.smoke.run.SmokeReport;
import io.inception.smoke.run.TestOutcome;
import io.inception.smoke.stage.SmokeStage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what a trunk-to-qe run leaves in the store for one build — the build, a run with merge,
 * unit-test, package and rollout stages, the package report, a QE rollout over a few hosts, the
 * {@code puppet} fact and QE's smoke report ({@code smoke:qe}) — the way the executor and the stages write it.
 */
public final class ReleaseFixture {
    public static final String PIPELINE_COMMIT = "9f1c2e3d4b5a69788796a5b4c3d2e1f001122334";
    public static final String PUPPET_COMMIT = "77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd";

    private ReleaseFixture() {
    }

    /** A build that went all the way through QE; {@code smokePassed} decides its smoke verdict. */
    public static Build qePassedBuild(Store store, String buildId, Instant at, boolean smokePassed) {
        Build build = new Build(buildId, new BranchHead("trunk", "https://git.example/nova.git", "master",
                "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "MERGED"),
                List.of(new BranchHead("perf-fixes", "https://git.example/nova-perf.git", "perf", 
                                "b1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "MERGED"),
                        new BranchHead("xen-quirks", "https://git.example/nova-xen.git", "quirks",
                                "c1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "CONFLICT")),
                "d1b2c3d4e5f60718293a4b5c6d7e8f9012345678", at);
        store.builds().save(build);
        String runId = "r-" + buildId;
        List<StageDef> stages = new ArrayList<>();
        for (String[] s : new String[][] {{"merge", "merge"}, {"unit-test", "unit-test"}, {"package", "package"},
                {"rollout", "rollout"}, {"smoke", "smoke"}}) {
            stages.add(new StageDef(s[0], s[1], Map.of(), Duration.ofMinutes(30),
                    new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1), 0), "pipelines/trunk-to-qe.yaml"));
        }
        PipelineDef def = new PipelineDef("trunk-to-qe", stages, "https://git.example/env.git", PIPELINE_COMMIT,
                "pipelines/trunk-to-qe.yaml");
        store.createRun(new NewRun(new Run(runId, "trunk-to-qe", PIPELINE_COMMIT, "qe", buildId,
                ExecutionStatus.RUNNING, at, at, null), def, new Environment("qe", "QE", "qe.yaml@1")));
        String version = "29.0.0+git20261127.d1b2c3d-1";
        PackageReport report = new PackageReport(buildId, version, List.of(
                new PackageReport.PackageRecord("nova-compute", version, "all", 4242,
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", "/w/nova-compute.deb"),
                new PackageReport.PackageRecord("nova-common", version, "all", 1000,
                        "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", "/w/nova-common.deb")),
                "builds/" + buildId, "qe");
        Object[] outputs = {Map.of("merged", 1, "conflicts", 1), Map.of("passed", 120, "failed", 0), report,
                Map.of("hosts", 3), Map.of("passed", smokePassed)};
        for (int i = 0; i < stages.size(); i++) {
            boolean ok = i < 4 || smokePassed;
            store.stages().markRunning(runId, i, 1, at.plusSeconds(i * 10L));
            store.stages().complete(runId, i, ok ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED,
                    stages.get(i).name() + (ok ? " ok" : " failed: 2 of 14 tests failed"), ok ? outputs[i] : null,
                    at.plusSeconds(i * 10L + 5));
            if (ok) store.builds().putFact(buildId, stages.get(i).name(), outputs[i]);
        }
        store.runs().finish(runId, smokePassed ? ExecutionStatus.SUCCEEDED : ExecutionStatus.FAILED, at.plusSeconds(60));
        store.builds().putFact(buildId, ReleaseManifests.PUPPET_FACT, Map.of("commit", PUPPET_COMMIT));
        store.builds().putFact(buildId, SmokeStage.factName("qe"), smokeReport("qe", version, smokePassed, at));
        rollout(store, "ro-" + buildId, "qe", buildId, version, at.plusSeconds(30), HostPhase.DONE);
        return build;
    }

    /** A tiny nova source tree under {@code dir/tree} (version 29.0.0) that the project's package specs can build. */
    public static java.nio.file.Path novaTree(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path tree = dir.resolve("tree");
        for (String d : List.of("nova/compute", "nova/virt/xenapi")) java.nio.file.Files.createDirectories(tree.resolve(d));
        java.nio.file.Files.writeString(tree.resolve("nova/__init__.py"), "");
        java.nio.file.Files.writeString(tree.resolve("nova/version.py"), "VERSION = '29.0.0'\n");
        java.nio.file.Files.writeString(tree.resolve("nova/compute/manager.py"), "class ComputeManager:\n    pass\n");
        java.nio.file.Files.writeString(tree.resolve("nova/virt/xenapi/vm_operations.py"), "class VMOps:\n    pass\n");
        return tree;
    }

    /** The project's {@code environments/packages}, found from the working directory up. */
    public static java.nio.file.Path packageSpecs() {
        java.nio.file.Path specs = null;
        for (java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (java.nio.file.Files.isDirectory(p.resolve("environments/packages"))) specs = p.resolve("environments/packages");
        }
        return specs;
    }

    /** A smoke report of 14 tests as the smoke stage stores it: all passed, or 2 failed. */
    public static SmokeReport smokeReport(String env, String version, boolean passed, Instant at) {
        List<TestOutcome> tests = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            boolean failed = !passed && i < 2;
            tests.add(new TestOutcome("Smoke#test" + i, "test " + i, List.of("smoke"), failed ? TestOutcome.Status.FAILED
                    : TestOutcome.Status.PASSED, failed ? "boom " + i : null, 1, false, false));
        }
        return SmokeReport.of(env, version, "smoke", at, at.plusSeconds(30), tests, "/tmp/allure-results", "/tmp/junit");
    }

    /** A rollout of {@code buildId} over hosts in two cells and two waves, every host in {@code phase}. */
    public static void rollout(Store store, String id, String env, String buildId, String version, Instant at,
                               HostPhase phase) {
        RolloutSpec spec = RolloutSpec.of(env, buildId, version, "deb http://127.0.0.1/apt builds/" + buildId + " main");
        List<HostRecord> hosts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            HostTarget t = new HostTarget(String.format("c%d-%03d", i % 2 + 1, i), "cell-" + (i % 2 + 1),
                    "127.0.3." + (i + 1), 22);
            hosts.add(new HostRecord(t, i < 1 ? 0 : 1, i, phase, null, "", phase == HostPhase.PENDING ? null : at, at));
        }
        store.rollouts().create(id, spec, hosts);
        if (phase.isFinal()) store.rollouts().setStatus(id, ExecutionStatus.SUCCEEDED, "");
    }
}
