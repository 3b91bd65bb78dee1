package io.inception.puppet.manifests;

/** The manifest repository cannot be read or has no such ref; the message is safe to show. */
public final class ManifestException extends RuntimeException {
    public ManifestException(String message) {
        super(message);
    }
}
