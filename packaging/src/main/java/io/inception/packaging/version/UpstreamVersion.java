package io.inception.packaging.version;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the upstream version a source tree declares, e.g. {@code VERSION = '27.2.0'} in {@code nova/version.py}. */
public final class UpstreamVersion {
    private static final Pattern PYTHON = Pattern.compile(
            "^\\s*(?:VERSION|__version__|version_string)\\s*=\\s*['\"]([^'\"]+)['\"]", Pattern.MULTILINE);

    private UpstreamVersion() {
    }

    /**
     * @throws InvalidVersionException when the file declares no version or one dpkg would not accept
     */
    public static String fromPythonFile(Path file) throws IOException {
        Matcher m = PYTHON.matcher(Files.readString(file));
        if (!m.find()) {
            throw new InvalidVersionException(file.toString(), "no VERSION = '...' or __version__ = '...' line");
        }
        String v = m.group(1);
        DebianVersion.parse(v + "-1"); // fails with the rule it breaks
        return v;
    }
}
