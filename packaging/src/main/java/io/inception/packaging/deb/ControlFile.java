package io.inception.packaging.deb;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders the control metadata and the generated docs (changelog) of one package of a build. */
final class ControlFile {
    private static final DateTimeFormatter RFC2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ControlFile() {
    }

    /** The DEBIAN/control text (Installed-Size is added by jdeb). */
    static String control(PackageSpec spec, String version) {
        StringBuilder sb = new StringBuilder();
        field(sb, "Package", spec.name());
        field(sb, "Version", version);
        field(sb, "Architecture", spec.architecture());
        field(sb, "Maintainer", spec.maintainer());
        field(sb, "Section", spec.section());
        field(sb, "Priority", spec.priority());
        if (!spec.depends().isEmpty()) field(sb, "Depends", depends(spec, version));
        if (spec.homepage() != null) field(sb, "Homepage", spec.homepage());
        sb.append("Description: ").append(spec.summary()).append('\n');
        sb.append(extended(spec.longDescription()));
        return sb.toString();
    }

    static String depends(PackageSpec spec, String version) {
        return spec.depends().stream()
                .map(d -> d.replace(SpecRules.VERSION_PLACEHOLDER, version))
                .collect(Collectors.joining(", "));
    }

    /** Debian changelog entry for this build (gzipped by the caller into changelog.Debian.gz). */
    static String changelog(PackageSpec spec, String version, Instant when, List<String> changes) {
        StringBuilder sb = new StringBuilder();
        sb.append(spec.name()).append(" (").append(version).append(") unstable; urgency=medium\n\n");
        for (String c : changes) sb.append("  * ").append(c.strip()).append('\n');
        sb.append("\n -- ").append(spec.maintainer()).append("  ").append(RFC2822.format(when)).append('\n');
        return sb.toString();
    }

    /** The extended description: each line indented by one space, blank lines written as " .". */
    private static String extended(String text) {
        if (text.isBlank()) return "";
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) {
            sb.append(line.isBlank() ? " ." : " " + line.stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append(": ").append(value).append('\n');
    }
}
