package io.inception.engine.secret;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes credentials from repository URLs before they reach a log, a report, an exception message
 * or a configuration error. The one place the engine masks URL credentials; it depends on nothing
 * else in the project, so every package (config, pipeline, scheduler, unittest, ...) can use it.
 *
 * <ul>
 *   <li>{@link #redact(String)} masks the password of every {@code scheme://user:password@} found in a
 *       text and keeps the user: {@code https://user:pw@host/repo} becomes {@code https://user:***@host/repo}.</li>
 *   <li>{@link #redact(String, String)} also masks the literal password of a known URL wherever a message
 *       repeats it (transports often quote the URL, or the password alone, in their errors).</li>
 *   <li>{@link #redactUserInfo(String)} replaces the whole user-info of one URL, user included:
 *       {@code https://alice:pw@host/x.git} becomes {@code https://***@host/x.git}. Used where the user name
 *       itself may be a token ({@code https://TOKEN@host/...}).</li>
 * </ul>
 */
public final class UrlRedaction {
    /** scheme://user:password@ — the user part cannot contain '/', '@' or ':' in a well-formed URL. */
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\\s]*):([^@\\s/]*)@");
    /** One whole URL: scheme, authority, rest. */
    private static final Pattern SCHEME_URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://([^/?#]*)(.*)");

    /** What replaces a password or a user-info. */
    public static final String MASK = "***";

    private UrlRedaction() {
    }

    /** Every {@code scheme://user:password@} in {@code text} with the password replaced by {@code ***}. */
    public static String redact(String text) {
        if (text == null) return null;
        Matcher m = USERINFO.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * {@code text} with every URL password masked and, in addition, every occurrence of the password
     * of {@code url} (also URL-decoded), which transports sometimes print on their own.
     */
    public static String redact(String text, String url) {
        String result = redact(text);
        if (result == null || url == null) return result;
        Matcher m = USERINFO.matcher(url);
        while (m.find()) {
            String password = m.group(2);
            if (password.isEmpty()) continue;
            result = result.replace(password, MASK);
            String decoded = decode(password);
            if (!decoded.isEmpty()) result = result.replace(decoded, MASK);
        }
        return result;
    }

    /**
     * The URL {@code url} (one URL, not a text) with any user-info ({@code user:password@} or
     * {@code token@}) replaced by {@code ***@}; URLs without user-info, scp-like addresses and local
     * paths are returned unchanged.
     */
    public static String redactUserInfo(String url) {
        Matcher m = SCHEME_URL.matcher(url);
        if (m.matches() && m.group(2).contains("@")) {
            return m.group(1) + "://" + MASK + "@" + m.group(2).substring(m.group(2).lastIndexOf('@') + 1) + m.group(3);
        }
        return url;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
