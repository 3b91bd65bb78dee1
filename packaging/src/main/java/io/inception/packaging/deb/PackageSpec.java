package io.inception.packaging.deb;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one Debian binary package contains, read from a YAML file in {@code environments/packages/}.
 * The version is not part of the spec: every build gives its own.
 *
 * @param file         the spec file (its folder is where {@link FileMapping.Origin#SPEC} sources live)
 * @param name         the package name (Debian policy: lower case, digits, {@code + - .})
 * @param architecture {@code all} or a Debian architecture such as {@code amd64}
 * @param section      e.g. {@code net}
 * @param priority     e.g. {@code optional}
 * @param maintainer   {@code Name <email>}
 * @param homepage     upstream homepage, or null
 * @param depends      relations; {@code ${version}} stands for the version being built
 * @param summary      the one-line description
 * @param longDescription the extended description (may be empty)
 * @param copyright    the text of {@code /usr/share/doc/<name>/copyright}
 * @param files        files mapped into the package
 * @param conffiles    configuration files (kept on upgrade when edited by the admin)
 * @param scripts      maintainer scripts, each a file in the spec's folder
 * @param scriptsAt    where each script was named, for errors found later
 */
public record PackageSpec(Path file, String name, String architecture, String section, String priority,
                          String maintainer, String homepage, List<String> depends, String summary,
                          String longDescription, String copyright, List<FileMapping> files,
                          List<FileMapping> conffiles, Map<MaintainerScript, String> scripts,
                          Map<MaintainerScript, SpecLocation> scriptsAt) {
    public PackageSpec {
        depends = List.copyOf(depends);
        files = List.copyOf(files);
        conffiles = List.copyOf(conffiles);
        scripts = Map.copyOf(scripts);
        scriptsAt = Map.copyOf(scriptsAt);
    }

    /** The folder that {@link FileMapping.Origin#SPEC} sources and scripts are relative to. */
    public Path specDirectory() {
        return file.toAbsolutePath().getParent();
    }
}
