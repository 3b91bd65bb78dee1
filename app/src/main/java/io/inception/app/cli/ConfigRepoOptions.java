package io.inception.app.cli;

import io.inception.app.InceptionHome;
import picocli.CommandLine.Option;

/** Where pipelines are read from: a git repository holding {@code environments/}, at a ref. */
public final class ConfigRepoOptions {
    @Option(names = "--repo", paramLabel = "PATH|URL",
            description = "The git repository holding environments/ (default: this repository).")
    String repo;

    @Option(names = "--ref", defaultValue = "HEAD",
            description = "Branch, tag or commit the pipeline is read at (default: ${DEFAULT-VALUE}).")
    String ref;

    /** The repository's path or URL. */
    public String location() {
        return repo != null ? repo : InceptionHome.sourceRoot().toString();
    }

    public String ref() {
        return ref;
    }
}
