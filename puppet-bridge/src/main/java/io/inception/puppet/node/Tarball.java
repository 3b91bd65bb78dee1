package io.inception.puppet.node;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A gzip'd POSIX (ustar) archive of regular files, for {@code tar -xzf -} on a node. Entries are
 * owned by root with a fixed time, so the same files give the same bytes.
 */
final class Tarball {
    /** One file: its content and permission bits. */
    record Entry(byte[] content, int mode) {
    }

    private Tarball() {
    }

    static byte[] gzip(Map<String, Entry> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, Entry> f : files.entrySet()) {
                out.write(header(f.getKey(), f.getValue()));
                out.write(f.getValue().content());
                out.write(new byte[(512 - f.getValue().content().length % 512) % 512]);
            }
            out.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String path, Entry entry) {
        byte[] h = new byte[512];
        String name = path;
        String prefix = "";
        if (path.getBytes(StandardCharsets.UTF_8).length > 100) {
            int cut = path.lastIndexOf('/', 154);
            if (cut < 0 || path.length() - cut - 1 > 100) throw new IllegalArgumentException("path too long for a tar entry: " + path);
            prefix = path.substring(0, cut);
            name = path.substring(cut + 1);
        }
        put(h, 0, 100, name);
        put(h, 100, 8, String.format("%07o", entry.mode()));
        put(h, 108, 8, "0000000");
        put(h, 116, 8, "0000000");
        put(h, 124, 12, String.format("%011o", entry.content().length));
        put(h, 136, 12, String.format("%011o", 1_700_000_000L));
        for (int i = 148; i < 156; i++) h[i] = ' ';
        h[156] = '0';
        put(h, 257, 6, "ustar");
        put(h, 263, 2, "00");
        put(h, 265, 32, "root");
        put(h, 297, 32, "root");
        put(h, 345, 155, prefix);
        int sum = 0;
        for (byte b : h) sum += b & 0xff;
        put(h, 148, 7, String.format("%06o", sum) + "\0");
        return h;
    }

    private static void put(byte[] h, int offset, int length, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(v, 0, h, offset, Math.min(v.length, length));
    }
}
