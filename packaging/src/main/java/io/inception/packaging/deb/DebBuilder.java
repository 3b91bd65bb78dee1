package io.inception.packaging.deb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vafer.jdeb.Console;
import org.vafer.jdeb.DataProducer;
import org.vafer.jdeb.DebMaker;
import org.vafer.jdeb.PackagingException;
import org.vafer.jdeb.mapping.Mapper;
import org.vafer.jdeb.mapping.PermMapper;
import org.vafer.jdeb.producers.DataProducerFile;
import org.vafer.jdeb.producers.DataProducerPathTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Builds one .deb from a {@link PackageSpec} and a {@link Candidate} with jdeb. Files are owned by
 * root, sorted, and stamped with the candidate's time, so the same candidate gives the same bytes.
 */
public final class DebBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(DebBuilder.class);

    private final String compression;

    private DebBuilder(String compression) {
        this.compression = compression;
    }

    /** A builder that compresses the data with gzip (fast; what dpkg-deb used for years). */
    public static DebBuilder gzip() {
        return new DebBuilder("gzip");
    }

    /** The same builder with another data compression: {@code gzip}, {@code xz}, {@code bzip2} or {@code none}. */
    public DebBuilder withCompression(String name) {
        return new DebBuilder(name);
    }

    /**
     * Builds {@code <outputDir>/<name>_<version>_<arch>.deb}.
     *
     * @throws SpecException when a mapped source is missing from the tree (file, line and field named)
     */
    public BuiltPackage build(PackageSpec spec, Candidate candidate, Path outputDir) throws IOException, SpecException {
        List<SpecProblem> problems = new ArrayList<>();
        List<PayloadEntry> payload = PayloadPlanner.plan(spec, candidate.tree(), problems);
        if (!problems.isEmpty()) throw new SpecException(problems);
        return build(spec, candidate, payload, outputDir);
    }

    BuiltPackage build(PackageSpec spec, Candidate candidate, List<PayloadEntry> payload, Path outputDir)
            throws IOException {
        String version = candidate.version().toString();
        Files.createDirectories(outputDir);
        Path deb = outputDir.resolve(BuiltPackage.fileName(spec.name(), version, spec.architecture()));
        Path work = Files.createTempDirectory("inception-deb-");
        try {
            Path control = work.resolve("control");
            Files.createDirectories(control);
            Files.writeString(control.resolve("control"), ControlFile.control(spec, version), StandardCharsets.UTF_8);
            for (Map.Entry<MaintainerScript, String> s : spec.scripts().entrySet()) {
                Path script = control.resolve(s.getKey().fileName());
                Files.copy(spec.specDirectory().resolve(s.getValue()), script, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            List<PayloadEntry> all = new ArrayList<>(payload);
            all.addAll(generatedDocs(spec, candidate, version, work.resolve("doc")));
            all.sort(java.util.Comparator.comparing(PayloadEntry::target));
            List<DataProducer> data = new ArrayList<>();
            List<DataProducer> conffiles = new ArrayList<>();
            data.add(directories(all));
            for (PayloadEntry e : all) {
                DataProducer p = new DataProducerFile(e.source().toFile(), e.target(), null, null,
                        new Mapper[] {new PermMapper(0, 0, "root", "root", e.mode(), 0755, 0, null)});
                data.add(p);
                // jdeb lists conffile producers in control/conffiles but does not add them to data
                if (e.conffile()) conffiles.add(p);
            }
            Path tmp = outputDir.resolve("." + deb.getFileName() + ".partial");
            DebMaker maker = new DebMaker(new JdebConsole(), data, conffiles);
            maker.setControl(control.toFile());
            maker.setDeb(tmp.toFile());
            maker.setCompression(compression);
            maker.setOutputTimestampMs(candidate.timestamp().toEpochMilli());
            maker.setTarLongFileMode("posix");
            maker.setTarBigNumberMode("posix");
            try {
                maker.makeDeb();
            } catch (PackagingException e) {
                throw new IOException("jdeb could not build " + deb.getFileName() + ": " + e.getMessage(), e);
            }
            Files.move(tmp, deb, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new BuiltPackage(spec.name(), version, spec.architecture(), deb, Files.size(deb), Digests.sha256(deb));
        } finally {
            deleteRecursively(work);
        }
    }

    /** Policy 12.5 and 12.7: every package has its copyright file and a changelog. */
    private static List<PayloadEntry> generatedDocs(PackageSpec spec, Candidate candidate, String version, Path dir)
            throws IOException {
        Files.createDirectories(dir);
        Path copyright = dir.resolve("copyright");
        Files.writeString(copyright, spec.copyright(), StandardCharsets.UTF_8);
        Path changelog = dir.resolve("changelog.Debian.gz");
        byte[] text = ControlFile.changelog(spec, version, candidate.timestamp(), candidate.changes())
                .getBytes(StandardCharsets.UTF_8);
        Files.write(changelog, Gzip.best(text));
        String docs = "/usr/share/doc/" + spec.name() + "/";
        return List.of(new PayloadEntry(copyright, docs + "copyright", 0644, false),
                new PayloadEntry(changelog, docs + "changelog.Debian.gz", 0644, false));
    }

    /** Every parent folder of every file, as explicit 0755 root-owned entries. */
    private static DataProducer directories(List<PayloadEntry> entries) {
        TreeSet<String> dirs = new TreeSet<>();
        for (PayloadEntry e : entries) {
            String p = e.target();
            for (int i = p.indexOf('/', 1); i > 0; i = p.indexOf('/', i + 1)) dirs.add(p.substring(0, i));
        }
        return new DataProducerPathTemplate(dirs.toArray(String[]::new), null, null,
                new Mapper[] {new PermMapper(0, 0, "root", "root", 0644, 0755, 0, null)});
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** jdeb's progress lines go to the debug log. */
    private static final class JdebConsole implements Console {
        @Override
        public void debug(String message) {
            LOG.debug(message);
        }

        @Override
        public void info(String message) {
            LOG.debug(message);
        }

        @Override
        public void warn(String message) {
            LOG.warn("jdeb: {}", message);
        }
    }
}
