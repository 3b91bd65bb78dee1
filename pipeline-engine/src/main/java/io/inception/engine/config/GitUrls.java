package io.inception.engine.config;

import io.inception.engine.secret.UrlRedaction;
import org.eclipse.jgit.lib.Repository;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks git repository URLs and {@code URL#branch} references as written in configuration.
 * A URL with a password is an error, and no message ever shows the password: the user-info
 * part is replaced by {@code ***}.
 */
public final class GitUrls {
    private static final Pattern SCHEME_URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+");
    private static final Pattern LOCAL_PATH = Pattern.compile("(/|\\./|\\.\\./|~/)?[^\\s:@#]+");
    private static final java.util.Set<String> SCHEMES = java.util.Set.of("https", "http", "ssh", "git", "file");

    /** What the error messages show as a valid reference. */
    public static final String REF_EXAMPLE = "https://git.example.com/nova.git#master";

    private GitUrls() {
    }

    /**
     * The URL with any user-info (user:password@) replaced by {@code ***@}; same as
     * {@link UrlRedaction#redactUserInfo(String)}, kept for existing callers (the CLI).
     */
    public static String redact(String url) {
        return UrlRedaction.redactUserInfo(url);
    }

    /**
     * A short, stable name for a local cache of {@code url} (the first 12 bytes of its SHA-256, hex): the
     * cache's directory never carries the URL, so no credential in it reaches the file system.
     */
    public static String cacheKey(String url) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the URL carries a password or token in its user-info. */
    public static boolean hasCredentials(String url) {
        Matcher m = SCHEME_URL.matcher(url);
        if (!m.matches()) return false;
        String authority = m.group(2);
        int at = authority.lastIndexOf('@');
        if (at < 0) return false;
        String userInfo = authority.substring(0, at);
        String scheme = m.group(1).toLowerCase();
        // user:password@ anywhere; a bare user@ over http(s) is almost always a token
        return userInfo.contains(":") || scheme.startsWith("http");
    }

    /**
     * Checks a repository URL (https, http, ssh, git, file, scp-like {@code user@host:path} or a
     * local path) and reports what is wrong with it. Returns the URL when it is acceptable.
     */
    public static Optional<String> checkUrl(String url, YamlNode at, String field, Problems problems) {
        if (url.isBlank()) {
            problems.add(at, field, "the repository URL is empty");
            return Optional.empty();
        }
        if (hasCredentials(url)) {
            problems.add(at, field, "credentials embedded in URL '" + UrlRedaction.redactUserInfo(url)
                    + "': use an SSH key or a git credential helper, never a password or token in the URL");
            return Optional.empty();
        }
        if (url.chars().anyMatch(Character::isWhitespace)) {
            problems.add(at, field, "bad repository URL '" + url + "': it contains spaces");
            return Optional.empty();
        }
        Matcher m = SCHEME_URL.matcher(url);
        if (m.matches()) {
            String scheme = m.group(1).toLowerCase();
            if (!SCHEMES.contains(scheme)) {
                problems.add(at, field, "bad repository URL '" + url + "': unknown scheme '" + m.group(1)
                        + "'" + Suggestions.didYouMean(scheme, SCHEMES) + "; use https, ssh, git or file");
                return Optional.empty();
            }
            if (!scheme.equals("file") && m.group(2).isEmpty()) {
                problems.add(at, field, "bad repository URL '" + url + "': no host");
                return Optional.empty();
            }
            return Optional.of(url);
        }
        if (SCP_LIKE.matcher(url).matches() || LOCAL_PATH.matcher(url).matches()) return Optional.of(url);
        problems.add(at, field, "bad repository URL '" + UrlRedaction.redactUserInfo(url) + "': expected https://host/path, "
                + "ssh://host/path, user@host:path or a local path");
        return Optional.empty();
    }

    /** Checks a branch name as git would accept it under refs/heads/. */
    public static boolean validBranch(String branch) {
        return !branch.isEmpty() && Repository.isValidRefName("refs/heads/" + branch);
    }

    /**
     * Splits and checks {@code URL#branch}. Returns {@code [url, branch]} or empty after
     * reporting the problem at {@code at}.
     */
    public static Optional<String[]> checkRef(String ref, YamlNode at, String field, Problems problems) {
        int hash = ref.lastIndexOf('#');
        if (hash < 0) {
            if (hasCredentials(ref)) return checkUrl(ref, at, field, problems).map(u -> new String[]{u, ""});
            problems.add(at, field, "expected URL#branch, e.g. " + REF_EXAMPLE + ", got '" + UrlRedaction.redactUserInfo(ref) + "'");
            return Optional.empty();
        }
        String url = ref.substring(0, hash);
        String branch = ref.substring(hash + 1);
        Optional<String> checked = checkUrl(url, at, field, problems);
        if (checked.isEmpty()) return Optional.empty();
        if (!validBranch(branch)) {
            problems.add(at, field, branch.isEmpty()
                    ? "no branch after '#': expected URL#branch, e.g. " + REF_EXAMPLE
                    : "bad branch name '" + branch + "'");
            return Optional.empty();
        }
        return Optional.of(new String[]{url, branch});
    }
}
