package io.inception.smoke.run;

import io.inception.smoke.config.SmokeSettings;
import io.inception.smoke.suite.SmokeCatalogue;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects what every attempt of every test came to, by the launcher's unique id (stable across
 * attempts). A failed class (its set-up, or a parameter no test can get) counts as a failed test of
 * that class, so a broken class can never pass the suite by running nothing.
 */
final class Attempts implements TestExecutionListener {
    private record Attempt(TestOutcome.Status status, String message) {
    }

    private record Test(String id, String name, List<String> tags, List<Attempt> attempts) {
    }

    private final Map<String, Test> tests = new LinkedHashMap<>();
    private final Consumer<String> progress;

    Attempts(Consumer<String> progress) {
        this.progress = progress;
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        if (id.isTest()) record(id, TestOutcome.Status.SKIPPED, reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        boolean failedContainer = id.isContainer() && result.getStatus() == TestExecutionResult.Status.FAILED
                && id.getSource().filter(ClassSource.class::isInstance).isPresent();
        if (!id.isTest() && !failedContainer) return;
        TestOutcome.Status status = switch (result.getStatus()) {
            case SUCCESSFUL -> TestOutcome.Status.PASSED;
            case ABORTED -> TestOutcome.Status.SKIPPED;
            case FAILED -> TestOutcome.Status.FAILED;
        };
        String message = result.getThrowable().map(Attempts::message).orElse(null);
        record(id, status, message);
        progress.accept(testId(id) + " " + status.name().toLowerCase());
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getName() : m;
    }

    private synchronized void record(TestIdentifier id, TestOutcome.Status status, String message) {
        Test t = tests.computeIfAbsent(id.getUniqueId(), k -> new Test(testId(id), id.getDisplayName(),
                id.getTags().stream().map(tag -> tag.getName()).sorted().toList(), new ArrayList<>()));
        t.attempts().add(new Attempt(status, message));
    }

    private static String testId(TestIdentifier id) {
        TestSource source = id.getSource().orElse(null);
        if (source instanceof MethodSource m) return SmokeCatalogue.testId(m.getClassName(), m.getMethodName());
        if (source instanceof ClassSource c) return SmokeCatalogue.testId(c.getClassName(), "(class)");
        return id.getDisplayName();
    }

    /** Unique ids of the tests whose last attempt failed: what a retry runs. */
    synchronized List<String> failing() {
        List<String> ids = new ArrayList<>();
        tests.forEach((uid, t) -> {
            if (last(t).status() == TestOutcome.Status.FAILED) ids.add(uid);
        });
        return ids;
    }

    /** Unique ids of the tests that failed and then passed on a retry. */
    synchronized java.util.Set<String> flaky() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        tests.forEach((uid, t) -> {
            if (flaky(t)) ids.add(uid);
        });
        return ids;
    }

    private static boolean flaky(Test t) {
        return last(t).status() == TestOutcome.Status.PASSED
                && t.attempts().stream().anyMatch(a -> a.status() == TestOutcome.Status.FAILED);
    }

    /** The outcomes, quarantine applied. */
    synchronized List<TestOutcome> outcomes(SmokeSettings settings) {
        List<TestOutcome> list = new ArrayList<>();
        for (Test t : tests.values()) {
            Attempt last = last(t);
            String message = last.status() == TestOutcome.Status.PASSED
                    ? t.attempts().stream().filter(a -> a.message() != null).map(Attempt::message).reduce((a, b) -> b).orElse(null)
                    : last.message();
            list.add(new TestOutcome(t.id(), t.name(), t.tags(), last.status(), message, t.attempts().size(),
                    flaky(t), settings.quarantined(t.id())));
        }
        return list;
    }

    private static Attempt last(Test t) {
        return t.attempts().get(t.attempts().size() - 1);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        progress.accept(plan.countTestIdentifiers(TestIdentifier::isTest) + " tests to run");
    }
}
