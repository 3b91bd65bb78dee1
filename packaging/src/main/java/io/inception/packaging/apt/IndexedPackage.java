package io.inception.packaging.apt;

/**
 * A pool package with the control paragraph and digests the Packages index needs.
 *
 * @param pool    the pool entry
 * @param control the package's control paragraph as built
 * @param md5     lower-case hex MD5 of the .deb
 * @param sha1    lower-case hex SHA-1 of the .deb
 */
record IndexedPackage(PoolPackage pool, ControlParagraph control, String md5, String sha1) {
}
