package io.inception.engine.merge;

import java.net.URISyntaxException;
import java.util.regex.Pattern;
import org.eclipse.jgit.transport.URIish;

/**
 * A branch in a git repository, written {@code URL#branch} on the command line. Any URL JGit can
 * fetch from works: a path, {@code file://}, {@code ssh://}, {@code git@host:path}, {@code https://}.
 * Credentials in the URL ({@code https://user:secret@host/repo}) are taken out of {@link #url()}
 * and kept in {@link #user()} and {@link #password()}, whose {@code toString()} is {@code ***}.
 *
 * @param name     how reports name this branch (defaults to {@code url#branch}, without credentials)
 * @param url      the repository URL without password (and, for http(s), without user)
 * @param branch   a branch name ({@code main}) or a full ref ({@code refs/heads/main})
 * @param user     user for the transport, or null
 * @param password password for the transport, or null
 */
public record RemoteBranch(String name, String url, String branch, String user, Secret password) {

    private static final Pattern USERINFO = Pattern.compile("(//[^/@:]*):[^/@]*@");

    public RemoteBranch {
        if (url == null || url.isBlank()) {
            throw new MergeTrainException(MergeTrainException.Kind.BAD_INPUT, name,
                    "no repository URL for branch " + name);
        }
        if (branch == null || branch.isBlank()) {
            throw new MergeTrainException(MergeTrainException.Kind.BAD_INPUT, name,
                    "no branch given for " + name + ": write URL#branch");
        }
        if (name == null || name.isBlank()) {
            name = url + "#" + branch;
        }
    }

    /** Parses {@code URL#branch}; the report names the branch by the same text, credentials removed. */
    public static RemoteBranch parse(String spec) {
        return parse(null, spec);
    }

    /** Parses {@code URL#branch} and names it {@code name} in reports (null: the spec, redacted). */
    public static RemoteBranch parse(String name, String spec) {
        String shown = redact(spec);
        int hash = spec == null ? -1 : spec.lastIndexOf('#');
        if (hash <= 0 || hash == spec.length() - 1) {
            throw new MergeTrainException(MergeTrainException.Kind.BAD_INPUT, name == null ? shown : name,
                    "'" + shown + "' is not URL#branch (e.g. https://git.example.com/nova.git#master)");
        }
        return of(name, spec.substring(0, hash), spec.substring(hash + 1));
    }

    /** A branch from its parts; credentials found in {@code url} are moved out of it. */
    public static RemoteBranch of(String name, String url, String branch) {
        URIish uri;
        try {
            uri = new URIish(url);
        } catch (URISyntaxException | IllegalArgumentException e) {
            String shown = redact(url);
            String label = name == null ? shown + "#" + branch : name;
            throw new MergeTrainException(MergeTrainException.Kind.BAD_INPUT, label,
                    "branch " + label + ": '" + shown + "' is not a git URL");
        }
        String user = uri.getUser();
        Secret password = uri.getPass() == null ? null : new Secret(uri.getPass());
        URIish clean = uri.setPass(null);
        String scheme = uri.getScheme();
        if (scheme != null && scheme.startsWith("http")) {
            clean = clean.setUser(null);
        } else if (password == null) {
            user = null; // ssh users stay in the URL, where the transport expects them
        }
        String cleanUrl = clean.toString();
        if (scheme == null && uri.getHost() == null && !java.nio.file.Path.of(uri.getPath()).isAbsolute()) {
            // JGit would resolve a relative path against its own repository, not the user's directory
            cleanUrl = java.nio.file.Path.of(uri.getPath()).toAbsolutePath().normalize().toString();
        }
        return new RemoteBranch(name == null ? cleanUrl + "#" + branch : name, cleanUrl, branch, user, password);
    }

    /** The full ref: {@code main} becomes {@code refs/heads/main}. */
    public String ref() {
        return branch.startsWith("refs/") ? branch : "refs/heads/" + branch;
    }

    /** Replaces every occurrence of the password in {@code text} by {@code ***}. */
    public String scrub(String text) {
        return password == null ? text : password.scrub(text);
    }

    /** Removes a password from any {@code scheme://user:password@host} text. */
    public static String redact(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1:***@");
    }

    @Override
    public String toString() {
        return name;
    }
}
