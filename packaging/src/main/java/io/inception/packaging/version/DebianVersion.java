package io.inception.packaging.version;

import java.util.Comparator;
import java.util.Objects;

/**
 * A Debian package version {@code [epoch:]upstream[-revision]} that sorts exactly as
 * {@code dpkg --compare-versions} does (Debian Policy 5.6.12).
 *
 * @param epoch    0 when absent
 * @param upstream the upstream version; starts with a digit
 * @param revision the Debian revision, or the empty string when absent (which dpkg treats like "0")
 */
public record DebianVersion(int epoch, String upstream, String revision) implements Comparable<DebianVersion> {

    /** dpkg's order. */
    public static final Comparator<DebianVersion> ORDER = DebianVersion::compareTo;

    public DebianVersion {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(revision, "revision");
        String problem = problem(epoch, upstream, revision);
        if (problem != null) throw new InvalidVersionException(render(epoch, upstream, revision), problem);
    }

    /**
     * Parses a version string.
     *
     * @throws InvalidVersionException naming what is wrong, e.g. "upstream version must start with a digit"
     */
    public static DebianVersion parse(String text) {
        Objects.requireNonNull(text, "version");
        String s = text.strip();
        if (s.isEmpty()) throw new InvalidVersionException(text, "version is empty");
        if (!s.equals(text)) throw new InvalidVersionException(text, "version has leading or trailing blanks");
        int epoch = 0;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            String e = s.substring(0, colon);
            if (e.isEmpty() || !e.chars().allMatch(c -> DpkgOrdering.isDigit((char) c))) {
                throw new InvalidVersionException(text, "epoch '" + e + "' must be a number");
            }
            try {
                epoch = Integer.parseInt(e);
            } catch (NumberFormatException tooBig) {
                throw new InvalidVersionException(text, "epoch '" + e + "' is too big");
            }
            s = s.substring(colon + 1);
        }
        int dash = s.lastIndexOf('-');
        String upstream = dash >= 0 ? s.substring(0, dash) : s;
        String revision = dash >= 0 ? s.substring(dash + 1) : "";
        if (dash >= 0 && revision.isEmpty()) throw new InvalidVersionException(text, "revision is empty");
        return new DebianVersion(epoch, upstream, revision);
    }

    /** True when {@code text} is a valid Debian version. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    @Override
    public int compareTo(DebianVersion other) {
        int c = Integer.compare(epoch, other.epoch);
        if (c != 0) return c;
        c = DpkgOrdering.compareParts(upstream, other.upstream);
        if (c != 0) return Integer.signum(c);
        return Integer.signum(DpkgOrdering.compareParts(revision, other.revision));
    }

    /** True when this version sorts after {@code other}. */
    public boolean isNewerThan(DebianVersion other) {
        return compareTo(other) > 0;
    }

    /** The version as dpkg writes it: the epoch only when non-zero, the revision only when present. */
    @Override
    public String toString() {
        return render(epoch, upstream, revision);
    }

    private static String render(int epoch, String upstream, String revision) {
        return (epoch != 0 ? epoch + ":" : "") + upstream + (revision.isEmpty() ? "" : "-" + revision);
    }

    private static String problem(int epoch, String upstream, String revision) {
        if (epoch < 0) return "epoch must not be negative";
        if (upstream.isEmpty()) return "upstream version is empty";
        if (!DpkgOrdering.isDigit(upstream.charAt(0))) return "upstream version must start with a digit";
        for (char c : upstream.toCharArray()) {
            boolean ok = DpkgOrdering.isDigit(c) || DpkgOrdering.isAlpha(c) || ".+~-:".indexOf(c) >= 0;
            if (!ok) return "upstream version has invalid character '" + c + "'";
            if (c == '-' && revision.isEmpty()) return "upstream version may contain '-' only when there is a revision";
            if (c == ':' && epoch == 0) return "upstream version may contain ':' only when there is an epoch";
        }
        for (char c : revision.toCharArray()) {
            boolean ok = DpkgOrdering.isDigit(c) || DpkgOrdering.isAlpha(c) || ".+~".indexOf(c) >= 0;
            if (!ok) return "revision has invalid character '" + c + "'";
        }
        return null;
    }
}
