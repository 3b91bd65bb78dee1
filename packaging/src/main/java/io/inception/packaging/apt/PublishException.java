package io.inception.packaging.apt;

/**
 * A publish or repoint that was refused (bad input, an immutable snapshot, a reused version);
 * nothing in the repository changed. The CLI exits 2 on it.
 */
public final class PublishException extends Exception {
    public PublishException(String message) {
        super(message);
    }
}
