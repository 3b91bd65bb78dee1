package io.inception.engine.config;

/**
 * A credential named by reference, never by value: an environment variable or a file that holds
 * it. Secret values are never written in environment files.
 *
 * @param name      the credential's name in the environment ({@code ssh-key}, {@code inova-password})
 * @param source    where the value lives
 * @param reference the variable name or the file path
 */
public record CredentialRef(String name, Source source, String reference) {
    /** Where a credential's value is read from at run time. */
    public enum Source { ENV, FILE }
}
