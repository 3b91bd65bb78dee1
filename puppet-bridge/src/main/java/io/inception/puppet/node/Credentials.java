package io.inception.puppet.node;

import io.inception.engine.config.CredentialRef;
import io.inception.engine.merge.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the value of a credential reference at the moment it is needed: an environment variable
 * or a file. Values are {@link Secret}s ({@code ***} when printed). Missing values are errors that
 * name the reference, never a value.
 */
public final class Credentials {
    private final Map<String, CredentialRef> refs;
    private final Function<String, String> environment;

    public Credentials(Map<String, CredentialRef> refs, Function<String, String> environment) {
        this.refs = Map.copyOf(refs);
        this.environment = environment;
    }

    /** The process environment's values. */
    public static Credentials fromProcess(Map<String, CredentialRef> refs) {
        return new Credentials(refs, System::getenv);
    }

    /** The value of the credential named {@code name} (as in the environment's {@code credentials:}). */
    public Secret value(String name) {
        CredentialRef ref = Optional.ofNullable(refs.get(name)).orElseThrow(() -> new IllegalArgumentException(
                "puppet.secrets names credential '" + name + "', which the environment's credentials do not declare"));
        if (ref.source() == CredentialRef.Source.ENV) {
            String v = environment.apply(ref.reference());
            if (v == null) throw new IllegalArgumentException("credential '" + name + "': environment variable " + ref.reference() + " is not set");
            return new Secret(v);
        }
        try {
            return new Secret(Files.readString(Path.of(ref.reference()), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException("credential '" + name + "': cannot read " + ref.reference());
        }
    }
}
