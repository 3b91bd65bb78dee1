package io.inception.engine.unittest;

/**
 * Test counts summed over JUnit XML reports.
 *
 * @param tests   test cases run
 * @param passed  tests - failed - errors - skipped
 * @param failed  assertion failures
 * @param errors  unexpected errors
 * @param skipped skipped or disabled
 */
public record TestCounts(int tests, int passed, int failed, int errors, int skipped) {
    public static final TestCounts ZERO = new TestCounts(0, 0, 0, 0, 0);

    /** Counts from a suite's attributes; passed is derived. */
    public static TestCounts of(int tests, int failed, int errors, int skipped) {
        return new TestCounts(tests, Math.max(0, tests - failed - errors - skipped), failed, errors, skipped);
    }

    public TestCounts plus(TestCounts o) {
        return new TestCounts(tests + o.tests, passed + o.passed, failed + o.failed, errors + o.errors, skipped + o.skipped);
    }

    @Override
    public String toString() {
        return tests + " tests, " + passed + " passed, " + failed + " failed, " + errors + " errors, " + skipped + " skipped";
    }
}
