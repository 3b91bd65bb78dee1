package io.inception.packaging.bench;

import io.inception.packaging.apt.AptRepository;
import io.inception.packaging.apt.AptSnapshot;
import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Candidate;
import io.inception.packaging.deb.DebBuilder;
import io.inception.packaging.deb.PackageSpec;
import io.inception.packaging.deb.PackageSpecParser;
import io.inception.packaging.testing.TestRepos;
import io.inception.packaging.version.DebianVersion;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The Java half of {@code bench/packaging.sh} (not a test): generates the tree, builds it with jdeb,
 * and times a 50-package snapshot publish. Prints {@code key=value} lines for the script.
 */
public final class PackagingBench {
    private PackagingBench() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "tree" -> tree(Path.of(args[1]), Integer.parseInt(args[2]), Long.parseLong(args[3]) << 20);
            case "jdeb" -> jdeb(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "publish" -> publish(Path.of(args[1]), Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("tree|jdeb|publish");
        }
    }

    /** {@code files} files totalling {@code bytes}: half text-like (compressible), half random. */
    static void tree(Path dir, int files, long bytes) throws Exception {
        Random random = new Random(42);
        long each = bytes / files;
        byte[] words = "nova compute instance host cell scheduler xenapi vm_ref spawn retry\n"
                .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < files; i++) {
            Path f = dir.resolve(String.format("nova/mod%03d/file%05d.%s", i / 50, i, i % 2 == 0 ? "py" : "bin"));
            Files.createDirectories(f.getParent());
            byte[] data = new byte[(int) each];
            if (i % 2 == 0) {
                for (int j = 0; j < data.length; j++) data[j] = words[(j + random.nextInt(3)) % words.length];
            } else {
                random.nextBytes(data);
            }
            Files.write(f, data);
        }
        System.out.println("tree_files=" + files);
        System.out.println("tree_bytes=" + each * files);
    }

    static void jdeb(Path tree, Path out, int runs) throws Exception {
        Path spec = Files.createTempDirectory("bench-spec").resolve("bench-tree.yaml");
        Files.writeString(spec, """
                name: bench-tree
                maintainer: Bench <bench@inception.invalid>
                description: |
                  benchmark package
                  The generated tree.
                files:
                  - tree: nova
                    to: /usr/lib/python3/dist-packages/nova
                """);
        PackageSpec s = PackageSpecParser.parse(spec);
        Candidate c = new Candidate(tree, DebianVersion.parse("1.0-1"), Instant.parse("2026-11-27T00:00:00Z"), List.of());
        for (int i = 1; i <= runs; i++) {
            long t0 = System.nanoTime();
            BuiltPackage p = DebBuilder.gzip().build(s, c, out);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.println("jdeb_run" + i + "_ms=" + ms);
            System.out.println("jdeb_size=" + p.size());
            System.out.println("jdeb_file=" + p.file());
        }
    }

    static void publish(Path work, int count) throws Exception {
        List<Path> debs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            debs.add(TestRepos.deb(work, String.format("nova-bench%02d", i), "27.2.0+git202611270215.1a2b3c4-1").file());
        }
        AptRepository repo = AptRepository.open(work.resolve("repo"), TestRepos.signer(Clock.systemUTC()), Clock.systemUTC());
        repo.publish("warmup", debs.subList(0, 2));
        long t0 = System.nanoTime();
        AptSnapshot s = repo.publish("b-bench", debs);
        long publishMs = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        repo.point("qe", s.buildId());
        long pointMs = (System.nanoTime() - t1) / 1_000_000;
        System.out.println("publish_packages=" + s.packages().size());
        System.out.println("publish_ms=" + publishMs);
        System.out.println("point_ms=" + pointMs);
    }
}
