package io.inception.engine.pipeline;

import java.nio.file.Path;

/**
 * A pipeline library named in a pipeline file ({@code libraries: {common: {url: ...}}}).
 *
 * @param name    the name stages use in {@code uses: <name>/<template>@<ref>}
 * @param url     the git repository URL or path (relative paths are resolved against {@code baseDir})
 * @param baseDir the directory of the pipeline file on disk, or null when the pipeline is not on disk
 */
public record Library(String name, String url, Path baseDir) {
}
