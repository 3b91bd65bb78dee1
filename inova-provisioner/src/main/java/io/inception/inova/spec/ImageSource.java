package io.inception.inova.spec;

import java.nio.file.Path;

/**
 * An image to upload to Glance (v2) when no image of that name exists.
 *
 * @param name            the image name roles refer to
 * @param file            the disk image file
 * @param diskFormat      qcow2, raw, vhd...
 * @param containerFormat bare, ovf...
 */
public record ImageSource(String name, Path file, String diskFormat, String containerFormat) {
}
