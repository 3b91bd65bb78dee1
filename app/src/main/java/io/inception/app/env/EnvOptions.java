package io.inception.app.env;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.app.cli.ConfigRepoOptions;
import io.inception.app.cli.StoreOptions;
import io.inception.engine.config.EnvironmentFile;
import io.inception.engine.merge.Secret;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.inova.environment.Credentials;
import io.inception.inova.environment.InovaConnector;
import io.inception.inova.openstack.KeystoneLogin;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** What every {@code env} command shares: the store, the config repository at a ref, the sandbox login, --json. */
public final class EnvOptions {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ConfigRepoOptions config = new ConfigRepoOptions();

    @Option(names = "--inova", paramLabel = "FILE",
            description = "For an environment on the sandbox iNova: the JSON `inception sandbox up --json` printed (its keystone object).")
    Path inova;

    @Option(names = "--json", description = "Print the result as one JSON document instead of progress lines.")
    boolean json;

    /** The environment file at the configured ref. */
    EnvironmentFile environment(String name) {
        try (PipelineRepository repo = PipelineRepository.open(config.location())) {
            return repo.at(config.ref()).environment(name);
        }
    }

    /** Connects to environments' iNova with their credentials (and the sandbox login when given). */
    InovaConnector connector() throws IOException {
        return new InovaConnector(Credentials.system(), sandboxLogin(), Clock.systemUTC());
    }

    private Optional<KeystoneLogin> sandboxLogin() throws IOException {
        return sandboxLogin(inova);
    }

    /** The sandbox iNova's login from the document {@code inception sandbox up --json} printed, if given. */
    public static Optional<KeystoneLogin> sandboxLogin(Path inova) throws IOException {
        if (inova == null) return Optional.empty();
        JsonNode doc = new ObjectMapper().readTree(inova.toFile());
        JsonNode k = doc.has("keystone") ? doc.get("keystone") : doc;
        return Optional.of(new KeystoneLogin(k.path("url").asText(), k.path("username").asText(),
                new Secret(k.path("password").asText()), k.path("project").asText(), k.path("domain").asText("Default")));
    }
}
