package io.inception.inova.environment;

import io.inception.engine.config.CredentialRef;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.merge.Secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/** Reads a credential an environment names by reference ({@code {env: VAR}} or {@code {file: /path}}). */
public final class Credentials {
    private final Function<String, String> environmentVariables;
    private final Path baseDir;

    /** @param baseDir relative {@code file:} references are resolved against it */
    public Credentials(Function<String, String> environmentVariables, Path baseDir) {
        this.environmentVariables = environmentVariables;
        this.baseDir = baseDir;
    }

    /** The process environment, files relative to the working directory. */
    public static Credentials system() {
        return new Credentials(System::getenv, Path.of("").toAbsolutePath());
    }

    /** The value of credential {@code name} of {@code env}; the message names the reference, never a value. */
    public Secret read(EnvironmentFile env, String name) {
        CredentialRef ref = env.credentials().get(name);
        if (ref == null) {
            throw new IllegalArgumentException("environment '" + env.name() + "' has no credential '" + name
                    + "' (control-plane.inova.password names it; add it under credentials:)");
        }
        if (ref.source() == CredentialRef.Source.ENV) {
            String v = environmentVariables.apply(ref.reference());
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException("credential '" + name + "' of environment '" + env.name()
                        + "': environment variable " + ref.reference() + " is not set");
            }
            return new Secret(v);
        }
        Path file = baseDir.resolve(ref.reference());
        try {
            return new Secret(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new IllegalArgumentException("credential '" + name + "' of environment '" + env.name()
                    + "': cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
