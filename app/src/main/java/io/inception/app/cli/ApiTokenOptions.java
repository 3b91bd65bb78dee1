package io.inception.app.cli;

import io.inception.app.access.Actor;
import io.inception.app.promotion.PromotionWiring;
import io.inception.engine.store.Store;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** Who runs a command that changes state on someone's authority: the API token in a file or {@code $INCEPTION_TOKEN}. */
public final class ApiTokenOptions {
    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding your API token (default: $INCEPTION_TOKEN; `inception users token <name>` makes one).")
    Path tokenFile;

    /** The signed-in actor (source {@code cli}), or empty when no token is given or it is not valid. */
    public Optional<Actor> actor(Store store, Clock clock) throws IOException {
        return token().flatMap(t -> PromotionWiring.users(store, clock).byToken(t, "cli"));
    }

    /** The token as given (for a server's API), or empty. */
    public Optional<String> token() throws IOException {
        return tokenFile != null ? Optional.of(Files.readString(tokenFile).trim())
                : Optional.ofNullable(System.getenv("INCEPTION_TOKEN")).filter(s -> !s.isBlank()).map(String::trim);
    }
}
