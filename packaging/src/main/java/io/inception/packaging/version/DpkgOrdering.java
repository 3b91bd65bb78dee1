package io.inception.packaging.version;

/**
 * dpkg's comparison of one version part (upstream version or Debian revision), ported from
 * {@code verrevcmp} in dpkg's lib/dpkg/version.c: alternating runs of non-digits (compared
 * character by character, with letters before other characters and {@code ~} before everything,
 * even the end of the string) and runs of digits (compared as numbers).
 */
final class DpkgOrdering {
    private DpkgOrdering() {
    }

    /** Negative, zero or positive as {@code a} sorts before, equal to or after {@code b}. */
    static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !isDigit(a.charAt(i))) || (j < b.length() && !isDigit(b.charAt(j)))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) return ac - bc;
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') i++;
            while (j < b.length() && b.charAt(j) == '0') j++;
            while (i < a.length() && j < b.length() && isDigit(a.charAt(i)) && isDigit(b.charAt(j))) {
                if (firstDiff == 0) firstDiff = a.charAt(i) - b.charAt(j);
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) return 1;
            if (j < b.length() && isDigit(b.charAt(j))) return -1;
            if (firstDiff != 0) return firstDiff;
        }
        return 0;
    }

    /** The weight of the character at {@code index}: end and digits 0, '~' -1, letters their code, others +256. */
    private static int order(String s, int index) {
        if (index >= s.length()) return 0;
        char c = s.charAt(index);
        if (isDigit(c)) return 0;
        if (isAlpha(c)) return c;
        if (c == '~') return -1;
        return c + 256;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
