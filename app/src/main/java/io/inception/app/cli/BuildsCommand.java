package io.inception.app.cli;

import io.inception.app.release.BuildSummary;
import io.inception.app.release.ReleaseManifest;
import io.inception.app.release.ReleaseManifests;
import io.inception.app.release.ReleaseText;
import io.inception.engine.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code inception builds list} and {@code inception builds show <id>}. */
@Command(name = "builds", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "Builds and their release manifests: what was merged, packaged, deployed and promoted.",
        subcommands = {BuildsCommand.ListBuilds.class, BuildsCommand.Show.class},
        footer = {"", "Examples:", "  inception builds list", "  inception builds show b-20261127-0001 --json"})
public final class BuildsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("inception builds: say `list` or `show <build>`");
        return 2;
    }

    /** {@code inception builds list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest builds, newest first.")
    static final class ListBuilds implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Option(names = "--limit", defaultValue = "20", description = "How many builds (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            try (Store s = store.openStore()) {
                List<BuildSummary> builds = new ReleaseManifests(s).list(limit);
                if (json) {
                    System.out.println(ReleaseText.json(builds));
                } else if (builds.isEmpty()) {
                    System.out.println("no builds yet — a run's merge stage makes one (`inception run trunk-to-qe`)");
                } else {
                    ReleaseText.printList(builds, System.out);
                }
                return 0;
            }
        }
    }

    /** {@code inception builds show <id>}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A build's release manifest: trunk and branch SHAs, packages (SHA-256) and apt snapshot,"
                    + " Puppet and pipeline commits, every stage's result, every deploy and promotion.")
    static final class Show implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "BUILD_ID", description = "The build id, as printed by `inception builds list`.")
        String buildId;

        @Option(names = "--json", description = "Print the manifest as one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            try (Store s = store.openStore()) {
                Optional<ReleaseManifest> manifest = new ReleaseManifests(s).of(buildId);
                if (manifest.isEmpty()) {
                    System.err.println("inception: no build '" + buildId + "'; `inception builds list` lists them");
                    return 2;
                }
                if (json) {
                    System.out.println(ReleaseText.json(manifest.get()));
                } else {
                    ReleaseText.print(manifest.get(), System.out);
                }
                return 0;
            }
        }
    }
}
