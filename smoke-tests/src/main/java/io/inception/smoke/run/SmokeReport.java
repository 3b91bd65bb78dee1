package io.inception.smoke.run;

import java.time.Instant;
import java.util.List;

/**
 * The result of one smoke suite run, stored with the build. All lists are derived from
 * {@code tests} when the report is made, so the stored JSON shows them without any code.
 *
 * @param environment     the environment tested
 * @param expectedVersion the package version the hosts had to report
 * @param tags            the tag expression that chose the tests
 * @param startedAt       when the run started
 * @param finishedAt      when it finished
 * @param counts          totals by final status
 * @param passed          the verdict: at least one test ran and no test failed outside the quarantine
 * @param verdict         the verdict in words, naming the failures
 * @param failures        gating failures with their messages
 * @param flaky           tests that failed and then passed on a retry
 * @param quarantined     quarantined tests that ran, whatever their status
 * @param tests           every test that ran
 * @param allureResults   the folder holding the Allure results
 * @param junitXml        the folder holding the JUnit XML reports (one sub-folder per attempt)
 */
public record SmokeReport(String environment, String expectedVersion, String tags, Instant startedAt, Instant finishedAt,
                          Counts counts, boolean passed, String verdict, List<TestOutcome> failures,
                          List<TestOutcome> flaky, List<TestOutcome> quarantined, List<TestOutcome> tests,
                          String allureResults, String junitXml) {
    public SmokeReport {
        failures = List.copyOf(failures);
        flaky = List.copyOf(flaky);
        quarantined = List.copyOf(quarantined);
        tests = List.copyOf(tests);
    }

    /** Totals by final status. */
    public record Counts(int total, int passed, int failed, int skipped, int flaky, int quarantined) {
    }

    /** The report of {@code tests}, with the derived lists and verdict. */
    public static SmokeReport of(String environment, String expectedVersion, String tags, Instant startedAt,
                                 Instant finishedAt, List<TestOutcome> tests, String allureResults, String junitXml) {
        List<TestOutcome> failures = tests.stream().filter(TestOutcome::gating).toList();
        List<TestOutcome> flaky = tests.stream().filter(TestOutcome::flaky).toList();
        List<TestOutcome> quarantined = tests.stream().filter(TestOutcome::quarantined).toList();
        Counts counts = new Counts(tests.size(), count(tests, TestOutcome.Status.PASSED), count(tests, TestOutcome.Status.FAILED),
                count(tests, TestOutcome.Status.SKIPPED), flaky.size(), quarantined.size());
        boolean passed = !tests.isEmpty() && failures.isEmpty();
        return new SmokeReport(environment, expectedVersion, tags, startedAt, finishedAt, counts, passed,
                verdict(tags, counts, failures, quarantined), failures, flaky, quarantined, tests, allureResults, junitXml);
    }

    private static int count(List<TestOutcome> tests, TestOutcome.Status status) {
        return (int) tests.stream().filter(t -> t.status() == status).count();
    }

    private static String verdict(String tags, Counts c, List<TestOutcome> failures, List<TestOutcome> quarantined) {
        if (c.total() == 0) return "no smoke test matched the tag expression '" + tags + "'";
        String counts = c.total() + " tests: " + c.passed() + " passed, " + c.failed() + " failed, " + c.skipped() + " skipped"
                + (c.flaky() > 0 ? ", " + c.flaky() + " flaky" : "");
        long quarantinedFailures = quarantined.stream().filter(t -> t.status() == TestOutcome.Status.FAILED).count();
        String q = quarantinedFailures > 0 ? " (" + quarantinedFailures + " quarantined failure"
                + (quarantinedFailures > 1 ? "s" : "") + " not gating)" : "";
        if (failures.isEmpty()) return "passed: " + counts + q;
        return "failed: " + counts + q + " — " + String.join("; ",
                failures.stream().map(f -> f.id() + ": " + f.message()).toList());
    }

    /** One line for logs and the terminal. */
    public String line() {
        return "smoke " + environment + " [" + tags + "] " + verdict;
    }
}
