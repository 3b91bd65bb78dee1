package io.inception.sandbox.ssh;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The commands a configuration tool uses to put files on a host, answered like Debian's:
 * {@code tar -x[z]f - -C dir} (an archive on standard input), {@code cat > file} (a file on standard
 * input), {@code umask}, {@code chmod}; and {@code puppet} ({@link PuppetApply}).
 */
final class StdinCommands {
    private static final Pattern READS_STDIN = Pattern.compile("\\btar\\s+-?x[a-z]*f\\s+-\\s|\\bcat\\s+>");

    private final DebianState state;
    private final PuppetApply puppet;

    StdinCommands(DebianState state) {
        this.state = state;
        this.puppet = new PuppetApply(state);
    }

    /** True when the command line has a command that reads standard input (read it before running). */
    static boolean readsStdin(String line) {
        return READS_STDIN.matcher(line).find();
    }

    static boolean handles(List<String> words) {
        String cmd = words.get(0);
        return cmd.equals("tar") || cmd.equals("umask") || cmd.equals("chmod") || cmd.equals("puppet")
                || cmd.equals("cat") && words.size() == 1;
    }

    int run(List<String> words, byte[] stdin, PrintStream out, PrintStream err) {
        List<String> args = words.subList(1, words.size());
        return switch (words.get(0)) {
            case "umask", "chmod" -> 0;
            case "cat" -> {
                out.print(new String(stdin, StandardCharsets.UTF_8));
                yield 0;
            }
            case "puppet" -> puppet.run(args, out, err);
            default -> tar(args, stdin, err);
        };
    }

    private int tar(List<String> args, byte[] stdin, PrintStream err) {
        String dir = null;
        boolean extract = false;
        boolean gzip = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-C") && i + 1 < args.size()) dir = args.get(++i);
            else if (a.startsWith("-") && !a.equals("-")) {
                extract |= a.contains("x");
                gzip |= a.contains("z");
            }
        }
        if (!extract || dir == null) {
            err.println("tar: the sandbox only extracts an archive from stdin: tar -x[z]f - -C DIR");
            return 2;
        }
        try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(stdin)) : new ByteArrayInputStream(stdin)) {
            byte[] all = in.readAllBytes();
            for (int at = 0; at + 512 <= all.length; ) {
                String name = field(all, at, 100);
                if (name.isEmpty()) break;
                String prefix = field(all, at + 345, 155);
                long size = Long.parseLong(field(all, at + 124, 12).trim().isEmpty() ? "0" : field(all, at + 124, 12).trim(), 8);
                char type = (char) all[at + 156];
                String path = (prefix.isEmpty() ? "" : prefix + "/") + name;
                if (type == '0' || type == 0) {
                    String content = new String(all, at + 512, (int) size, StandardCharsets.UTF_8);
                    state.writeFile(dir + "/" + path.replaceFirst("^\\./", ""), content);
                }
                at += 512 + (int) ((size + 511) / 512 * 512);
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("tar: This does not look like a tar archive");
            err.println("tar: Exiting with failure status due to previous errors");
            return 2;
        }
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) end++;
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
