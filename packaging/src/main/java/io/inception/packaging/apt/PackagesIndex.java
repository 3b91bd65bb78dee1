package io.inception.packaging.apt;

import io.inception.packaging.version.DebianVersion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The {@code Packages} file of one component and architecture: one paragraph per .deb. */
final class PackagesIndex {
    private PackagesIndex() {
    }

    static String render(List<IndexedPackage> packages) {
        List<IndexedPackage> sorted = new ArrayList<>(packages);
        sorted.sort(Comparator.comparing((IndexedPackage p) -> p.pool().name())
                .thenComparing(p -> DebianVersion.parse(p.pool().version()))
                .thenComparing(p -> p.pool().architecture()));
        StringBuilder sb = new StringBuilder();
        for (IndexedPackage p : sorted) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(p.control()
                    .with("Filename", p.pool().filename())
                    .with("Size", Long.toString(p.pool().size()))
                    .with("MD5sum", p.md5())
                    .with("SHA1", p.sha1())
                    .with("SHA256", p.pool().sha256())
                    .render());
        }
        return sb.toString();
    }

    /** Reads the pool entries back from a Packages file. */
    static List<PoolPackage> parse(String text) {
        List<PoolPackage> out = new ArrayList<>();
        for (String para : text.split("\n\n")) {
            if (para.isBlank()) continue;
            ControlParagraph c = ControlParagraph.parse(para);
            out.add(new PoolPackage(c.get("Package"), c.get("Version"), c.get("Architecture"), c.get("Filename"),
                    Long.parseLong(c.get("Size")), c.get("SHA256")));
        }
        return out;
    }
}
