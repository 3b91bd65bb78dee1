package io.inception.engine.scheduler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes passwords from repository URLs before they reach a log, a report or an exception
 * message: {@code https://user:pw@host/repo} becomes {@code https://user:***@host/repo}.
 *
 * <p>Errors from transports often quote the URL they were given, so {@link #redact(String, String)}
 * also masks the literal password of a known URL wherever it appears in a message.
 */
public final class UrlRedaction {
    /** scheme://user:password@ — the user part cannot contain '/', '@' or ':' in a well-formed URL. */
    private static final Pattern USERINFO = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://[^/@:\\s]*):([^@\\s/]*)@");
    static final String MASK = "***";

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

    private static String decode(String s) {
        try {
            return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
