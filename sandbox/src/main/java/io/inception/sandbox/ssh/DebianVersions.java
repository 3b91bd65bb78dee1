package io.inception.sandbox.ssh;

/** Debian version ordering ({@code dpkg --compare-versions}): epoch, upstream, revision, with {@code ~}. */
final class DebianVersions {
    private DebianVersions() {
    }

    static int compare(String a, String b) {
        int ea = epoch(a), eb = epoch(b);
        if (ea != eb) return Integer.compare(ea, eb);
        String ra = stripEpoch(a), rb = stripEpoch(b);
        int da = ra.lastIndexOf('-'), db = rb.lastIndexOf('-');
        String ua = da < 0 ? ra : ra.substring(0, da), ub = db < 0 ? rb : rb.substring(0, db);
        int c = part(ua, ub);
        if (c != 0) return c;
        return part(da < 0 ? "0" : ra.substring(da + 1), db < 0 ? "0" : rb.substring(db + 1));
    }

    private static int epoch(String v) {
        int i = v.indexOf(':');
        return i < 0 ? 0 : Integer.parseInt(v.substring(0, i));
    }

    private static String stripEpoch(String v) {
        int i = v.indexOf(':');
        return i < 0 ? v : v.substring(i + 1);
    }

    private static int part(String a, String b) {
        int i = 0, j = 0;
        while (i < a.length() || j < b.length()) {
            while ((i < a.length() && !Character.isDigit(a.charAt(i))) || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ca = i < a.length() && !Character.isDigit(a.charAt(i)) ? order(a.charAt(i)) : 0;
                int cb = j < b.length() && !Character.isDigit(b.charAt(j)) ? order(b.charAt(j)) : 0;
                if (ca != cb) return Integer.compare(ca, cb);
                if (i < a.length() && !Character.isDigit(a.charAt(i))) i++;
                if (j < b.length() && !Character.isDigit(b.charAt(j))) j++;
            }
            int si = i, sj = j;
            while (i < a.length() && Character.isDigit(a.charAt(i))) i++;
            while (j < b.length() && Character.isDigit(b.charAt(j))) j++;
            java.math.BigInteger na = si == i ? java.math.BigInteger.ZERO : new java.math.BigInteger(a.substring(si, i));
            java.math.BigInteger nb = sj == j ? java.math.BigInteger.ZERO : new java.math.BigInteger(b.substring(sj, j));
            int c = na.compareTo(nb);
            if (c != 0) return c;
        }
        return 0;
    }

    private static int order(char c) {
        if (c == '~') return -1;
        if (Character.isLetter(c)) return c;
        return c + 256;
    }
}
