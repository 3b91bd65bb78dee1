package io.inception.smoke.suite;

/** Compares OpenStack microversions ({@code 2.37} &lt; {@code 2.100}): numerically, part by part. */
final class Microversions {
    private Microversions() {
    }

    static boolean atLeast(String version, String minimum) {
        String[] a = version.split("\\.");
        String[] b = minimum.split("\\.");
        if (a.length != 2 || b.length != 2) throw new AssertionError("not a microversion: '" + version + "'");
        int major = Integer.compare(Integer.parseInt(a[0]), Integer.parseInt(b[0]));
        return major != 0 ? major > 0 : Integer.parseInt(a[1]) >= Integer.parseInt(b[1]);
    }
}
