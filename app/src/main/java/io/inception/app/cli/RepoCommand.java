package io.inception.app.cli;

import io.inception.packaging.Packaging;
import io.inception.packaging.apt.AptRepository;
import io.inception.packaging.apt.AptSnapshot;
import io.inception.packaging.apt.PublishException;
import io.inception.packaging.apt.RetentionReport;
import io.inception.packaging.apt.SuitePointer;
import io.inception.packaging.signing.SigningKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inception repo snapshots | point | retain | sources-line | key export}: the apt repository's
 * snapshots ({@code builds/<id>}) and the suites that environments install from.
 */
@Command(name = "repo", mixinStandardHelpOptions = true,
        description = "The signed apt repository: per-build snapshots and the suites (qe, staging) pointing at them.",
        subcommands = {RepoCommand.Snapshots.class, RepoCommand.Point.class, RepoCommand.Retain.class,
                RepoCommand.SourcesLine.class, RepoCommand.Key.class},
        footer = {"", "Exit codes: 0 ok; 1 the change failed; 2 bad input (unknown build or suite)."})
public final class RepoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code inception repo snapshots [--json]}. */
    @Command(name = "snapshots", mixinStandardHelpOptions = true,
            description = "List the snapshots, newest first, with their packages and the suites pointing at them.")
    static final class Snapshots implements Callable<Integer> {
        @Mixin
        PackagingOptions options;
        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            AptRepository repo = options.packaging(Clock.systemUTC()).repository();
            List<AptSnapshot> snapshots = repo.snapshots();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("repository", repo.root().toString());
                doc.put("suites", repo.pointers().values().stream().map(Json::pointer).toList());
                doc.put("snapshots", snapshots.stream().map(Json::snapshot).toList());
                out.println(Json.write(doc));
                return 0;
            }
            if (snapshots.isEmpty()) out.println("no snapshots in " + repo.root());
            for (AptSnapshot s : snapshots) {
                out.printf("%-24s #%-4d %s%s%n", s.distribution(), s.sequence(), s.publishedAt(),
                        s.pointedBy().isEmpty() ? "" : "  <- " + String.join(", ", s.pointedBy()));
                s.packages().forEach(p -> out.printf("    %-14s %s%n", p.name(), p.version()));
            }
            return 0;
        }
    }

    /** {@code inception repo point <env> <build-id> [--json]}. */
    @Command(name = "point", mixinStandardHelpOptions = true,
            description = {"Point an environment's suite at a build's snapshot, atomically.",
                    "Promotion and rollback are this step: nothing is rebuilt."})
    static final class Point implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ENV", description = "The suite, e.g. qe or staging.")
        String suite;
        @Parameters(index = "1", paramLabel = "BUILD-ID", description = "The build whose snapshot to serve.")
        String buildId;
        @Mixin
        PackagingOptions options;
        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            try {
                SuitePointer p = options.packaging(Clock.systemUTC()).point(suite, buildId);
                PrintWriter out = spec.commandLine().getOut();
                if (json) out.println(Json.write(Json.pointer(p)));
                else out.printf("suite %s -> builds/%s%s%n", p.suite(), p.buildId(),
                        p.previousBuildId() == null ? "" : " (was builds/" + p.previousBuildId() + ")");
                return 0;
            } catch (PublishException e) {
                spec.commandLine().getErr().println("repo point: " + e.getMessage());
                if (json) spec.commandLine().getOut().println(Json.write(Json.error(e.getMessage(), List.of())));
                return 2;
            }
        }
    }

    /** {@code inception repo retain --keep N [--json]}. */
    @Command(name = "retain", mixinStandardHelpOptions = true,
            description = "Remove snapshots no suite points at that are older than the newest N, and unused pool files.")
    static final class Retain implements Callable<Integer> {
        @Option(names = "--keep", required = true, paramLabel = "N", description = "How many newest builds to keep.")
        int keep;
        @Mixin
        PackagingOptions options;
        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (keep < 1) {
                spec.commandLine().getErr().println("repo retain: --keep must be at least 1");
                return 2;
            }
            RetentionReport r = options.packaging(Clock.systemUTC()).repository().retain(keep);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("removedSnapshots", r.removedSnapshots());
                doc.put("removedPoolFiles", r.removedPoolFiles());
                doc.put("keptSnapshots", r.keptSnapshots());
                out.println(Json.write(doc));
            } else {
                out.printf("removed %d snapshot(s) %s and %d pool file(s); kept %s%n", r.removedSnapshots().size(),
                        r.removedSnapshots(), r.removedPoolFiles().size(), r.keptSnapshots());
            }
            return 0;
        }
    }

    /** {@code inception repo sources-line <suite> --url URL}. */
    @Command(name = "sources-line", mixinStandardHelpOptions = true,
            description = "Print the line a host puts in /etc/apt/sources.list.d/inception.list.")
    static final class SourcesLine implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SUITE", description = "qe, staging or builds/<id>.")
        String suite;
        @Option(names = "--url", required = true, paramLabel = "URL", description = "Where the repository is served.")
        String url;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println(AptRepository.sourcesLine(url, suite, Packaging.HOST_KEYRING));
            return 0;
        }
    }

    /** {@code inception repo key export [--binary]}. */
    @Command(name = "key", mixinStandardHelpOptions = true, description = "The repository's signing key.",
            subcommands = Key.Export.class)
    static final class Key implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }

        /** Prints the public key for hosts' {@code signed-by=}. */
        @Command(name = "export", mixinStandardHelpOptions = true,
                description = {"Print the public key (ASCII-armored) for hosts' signed-by=.",
                        "Save it as " + Packaging.HOST_KEYRING + " on each host."})
        static final class Export implements Callable<Integer> {
            @Mixin
            PackagingOptions options;
            @Option(names = "--json", description = "Print fingerprint, user id and key as JSON.")
            boolean json;
            @Spec
            CommandSpec spec;

            @Override
            public Integer call() throws IOException {
                SigningKey key = options.packaging(Clock.systemUTC()).key();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    Map<String, Object> doc = new LinkedHashMap<>();
                    doc.put("fingerprint", key.fingerprint());
                    doc.put("userId", key.userId());
                    doc.put("publicKey", key.exportArmored());
                    doc.put("hostPath", Packaging.HOST_KEYRING);
                    out.println(Json.write(doc));
                } else {
                    out.print(key.exportArmored());
                }
                out.flush();
                return 0;
            }
        }
    }

    /** For tests and the lead: a command line with this command at its root. */
    static CommandLine commandLine() {
        return new CommandLine(new RepoCommand());
    }
}
