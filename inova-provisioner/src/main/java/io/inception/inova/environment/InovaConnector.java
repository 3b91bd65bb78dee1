package io.inception.inova.environment;

import io.inception.engine.config.EnvironmentFile;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.inova.openstack.OpenStackCloud;
import io.inception.inova.spec.ControlPlaneSpec;
import io.inception.inova.spec.InovaEndpoint;

import java.time.Clock;
import java.util.Optional;

/**
 * Connects to an environment's iNova: the endpoint from its {@code control-plane.inova}, the
 * password from its credentials. An environment whose endpoint is {@code sandbox} needs the
 * sandbox's login given ({@code sandboxLogin}), e.g. from {@code inception sandbox up --json}.
 */
public final class InovaConnector {
    private final Credentials credentials;
    private final Optional<KeystoneLogin> sandboxLogin;
    private final Clock clock;

    public InovaConnector(Credentials credentials, Optional<KeystoneLogin> sandboxLogin, Clock clock) {
        this.credentials = credentials;
        this.sandboxLogin = sandboxLogin;
        this.clock = clock;
    }

    /** The login for {@code env}'s iNova. */
    public KeystoneLogin login(EnvironmentFile env, ControlPlaneSpec spec) {
        InovaEndpoint e = spec.inova();
        if (e.sandbox()) {
            return sandboxLogin.orElseThrow(() -> new IllegalArgumentException("environment '" + env.name()
                    + "' uses the sandbox iNova: start it with `inception sandbox up --json > sandbox.json` and pass"
                    + " --inova sandbox.json"));
        }
        return new KeystoneLogin(e.authUrl().orElseThrow(), e.username(), credentials.read(env, e.passwordCredential()),
                e.project(), e.domain());
    }

    /** A connected cloud for {@code env}. */
    public Cloud connect(EnvironmentFile env, ControlPlaneSpec spec) {
        return OpenStackCloud.connect(login(env, spec), clock);
    }
}
