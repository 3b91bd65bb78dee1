package io.inception.packaging.deb;

import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a .deb (an ar archive of debian-binary, control.tar.*, data.tar.*) without dpkg. */
public final class DebArchive {
    /**
     * One entry of the data or control archive.
     *
     * @param name   path as stored (e.g. {@code ./usr/bin/nova-compute})
     * @param mode   permission bits
     * @param owner  user name
     * @param group  group name
     * @param size   bytes (0 for folders)
     * @param folder whether it is a folder
     */
    public record Entry(String name, int mode, String owner, String group, long size, boolean folder) {
    }

    private DebArchive() {
    }

    /** The {@code control} file's text. */
    public static String control(Path deb) throws IOException {
        return new String(controlFiles(deb).getOrDefault("control", new byte[0]), StandardCharsets.UTF_8);
    }

    /** Every file of control.tar (control, md5sums, conffiles, maintainer scripts) by name. */
    public static Map<String, byte[]> controlFiles(Path deb) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        readMember(deb, "control.tar", tar -> {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                if (e.isFile()) out.put(e.getName().replaceFirst("^\\./", ""), tar.readAllBytes());
            }
        });
        if (out.isEmpty()) throw new IOException(deb + " has no control archive");
        return out;
    }

    /** The data archive's entries, in archive order. */
    public static List<Entry> dataEntries(Path deb) throws IOException {
        List<Entry> out = new ArrayList<>();
        readMember(deb, "data.tar", tar -> {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                out.add(new Entry(e.getName(), e.getMode() & 07777, e.getUserName(), e.getGroupName(),
                        e.getSize(), e.isDirectory()));
            }
        });
        return out;
    }

    private interface TarReader {
        void read(TarArchiveInputStream tar) throws IOException;
    }

    private static void readMember(Path deb, String prefix, TarReader reader) throws IOException {
        try (ArArchiveInputStream ar = new ArArchiveInputStream(new BufferedInputStream(Files.newInputStream(deb)))) {
            for (ArArchiveEntry e; (e = ar.getNextEntry()) != null; ) {
                String name = e.getName();
                if (!name.startsWith(prefix)) continue;
                InputStream in = switch (name.substring(prefix.length())) {
                    case ".gz" -> new GzipCompressorInputStream(ar);
                    case "" -> ar;
                    default -> throw new IOException(deb + ": " + name + " uses a compression this reader does not"
                            + " support (only gzip or none)");
                };
                reader.read(new TarArchiveInputStream(in));
                return;
            }
        }
    }
}
