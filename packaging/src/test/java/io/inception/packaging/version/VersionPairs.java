package io.inception.packaging.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates valid Debian versions in pairs that are often near each other, so ordering is exercised. */
final class VersionPairs {
    private static final String LETTERS = "abzABZ";
    private final Random random;

    VersionPairs(long seed) {
        this.random = new Random(seed);
    }

    List<String[]> generate(int count) {
        List<String[]> pairs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String a = version();
            String b = switch (random.nextInt(4)) {
                case 0 -> version();
                case 1 -> a;
                default -> mutate(a);
            };
            pairs.add(new String[] {a, b});
        }
        return pairs;
    }

    private String version() {
        StringBuilder sb = new StringBuilder();
        boolean epoch = random.nextInt(4) == 0;
        if (epoch) sb.append(random.nextInt(3)).append(':');
        sb.append(random.nextInt(4) == 0 ? "0" + random.nextInt(10) : String.valueOf(random.nextInt(20)));
        int parts = random.nextInt(5);
        for (int i = 0; i < parts; i++) sb.append(segment(false));
        if (random.nextBoolean()) {
            sb.append('-').append(random.nextInt(5));
            int rparts = random.nextInt(3);
            for (int i = 0; i < rparts; i++) sb.append(segment(true));
        }
        return sb.toString();
    }

    private String segment(boolean revision) {
        return switch (random.nextInt(revision ? 6 : 7)) {
            case 0 -> "." + random.nextInt(100);
            case 1 -> "~" + (random.nextBoolean() ? "rc" : "") + random.nextInt(3);
            case 2 -> "+" + letters() + random.nextInt(3);
            case 3 -> letters();
            case 4 -> "." + "0".repeat(random.nextInt(3)) + random.nextInt(10);
            case 5 -> "~";
            default -> "-" + random.nextInt(3); // a '-' inside upstream (valid because a revision follows)
        };
    }

    private String letters() {
        int n = 1 + random.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        return sb.toString();
    }

    /** A small edit of a version: one character changed, added or removed, keeping it valid. */
    private String mutate(String v) {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder sb = new StringBuilder(v);
            int pos = random.nextInt(sb.length() + 1);
            String alphabet = "0123456789.~+aZ";
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(pos, c);
                case 1 -> { if (pos < sb.length()) sb.setCharAt(pos, c); else sb.append(c); }
                default -> { if (pos < sb.length()) sb.deleteCharAt(pos); }
            }
            String candidate = sb.toString();
            if (DebianVersion.isValid(candidate)) return candidate;
        }
        return v + "~";
    }
}
