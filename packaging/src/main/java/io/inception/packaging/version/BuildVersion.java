package io.inception.packaging.version;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a package built from a merged candidate, saying where it came from:
 * {@code <upstream>+git<yyyymmddhhmm>.<sha7>-<n>}, e.g. {@code 2015.1.0+git202611270215.1a2b3c4-1}.
 *
 * <p>It sorts after the plain upstream release ({@code 2015.1.0-1}) and, for the same upstream,
 * by the UTC minute of the candidate, so later builds upgrade earlier ones. Two candidates within
 * the same minute sort by their SHA, which is arbitrary: give them different revisions {@code n}
 * or a later timestamp when that matters.
 *
 * @param upstream  upstream version of the source tree, e.g. from nova/version.py
 * @param timestamp when the candidate was made (rendered in UTC, to the minute)
 * @param sha       the candidate commit (full or abbreviated, at least 7 hex digits)
 * @param revision  the Debian revision, 1 for the first package of that candidate
 */
public record BuildVersion(String upstream, Instant timestamp, String sha, int revision) {
    private static final DateTimeFormatter MINUTE =
            DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern SHAPE =
            Pattern.compile("(?<up>.+)\\+git(?<ts>\\d{12})\\.(?<sha>[0-9a-f]{7})-(?<rev>\\d+)");

    public BuildVersion {
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sha, "sha");
        if (!sha.matches("[0-9a-fA-F]{7,64}")) {
            throw new InvalidVersionException(sha, "the commit must be at least 7 hex digits");
        }
        sha = sha.substring(0, 7).toLowerCase(Locale.ROOT);
        if (revision < 1) throw new InvalidVersionException(String.valueOf(revision), "revision must be >= 1");
        if (upstream.contains("-")) {
            throw new InvalidVersionException(upstream, "upstream version must not contain '-'");
        }
        timestamp = timestamp.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        DebianVersion.parse(render(upstream, timestamp, sha, revision)); // validates upstream's characters
    }

    /** Reads back a version in this scheme. */
    public static BuildVersion parse(String text) {
        Matcher m = SHAPE.matcher(text);
        if (!m.matches()) {
            throw new InvalidVersionException(text, "expected <upstream>+git<yyyymmddhhmm>.<sha7>-<n>");
        }
        Instant ts = java.time.LocalDateTime.parse(m.group("ts"),
                DateTimeFormatter.ofPattern("yyyyMMddHHmm", Locale.ROOT)).toInstant(ZoneOffset.UTC);
        return new BuildVersion(m.group("up"), ts, m.group("sha"), Integer.parseInt(m.group("rev")));
    }

    /** The version as a dpkg version. */
    public DebianVersion toDebianVersion() {
        return DebianVersion.parse(toString());
    }

    /** The same candidate packaged again (e.g. after a packaging fix): revision n+1. */
    public BuildVersion withRevision(int newRevision) {
        return new BuildVersion(upstream, timestamp, sha, newRevision);
    }

    @Override
    public String toString() {
        return render(upstream, timestamp, sha, revision);
    }

    private static String render(String upstream, Instant timestamp, String sha, int revision) {
        return upstream + "+git" + MINUTE.format(timestamp) + "." + sha + "-" + revision;
    }
}
