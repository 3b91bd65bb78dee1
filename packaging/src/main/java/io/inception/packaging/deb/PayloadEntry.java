package io.inception.packaging.deb;

import java.nio.file.Path;

/**
 * One file of a package's data: where it is read from, where it is installed, with which mode.
 *
 * @param source   the file on disk
 * @param target   absolute install path
 * @param mode     permission bits
 * @param conffile whether dpkg should treat it as a conffile
 */
record PayloadEntry(Path source, String target, int mode, boolean conffile) {
}
