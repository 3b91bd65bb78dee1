package io.inception.inova.openstack;

import io.inception.inova.cloud.CloudException;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.exceptions.AuthenticationException;
import org.openstack4j.api.exceptions.ConnectionException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.internal.OSClientSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One project-scoped Identity v3 token, reused by every call and renewed before it expires (and by
 * openstack4j on a 401, whose new token is taken over). openstack4j keeps its session per thread,
 * so every call binds the shared token to the calling thread first ({@link #client()}).
 */
final class KeystoneSession {
    /** Renew a token that has less than this left. */
    static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

    private final KeystoneLogin login;
    private final Config config;
    private final Clock clock;
    private final AtomicInteger logins = new AtomicInteger();
    private Token token;
    private Map<String, String> headers = Map.of();

    KeystoneSession(KeystoneLogin login, Config config, Clock clock) {
        this.login = login;
        this.config = config;
        this.clock = clock;
    }

    /** Headers sent on every request (the compute microversion). */
    synchronized void headers(Map<String, String> newHeaders) {
        this.headers = Map.copyOf(newHeaders);
    }

    /** A client on this thread with a valid token, logging in when there is none or it expires soon. */
    synchronized OSClientV3 client() {
        if (token == null || expiresSoon(token)) token = authenticate();
        OSClientV3 os = OSFactory.clientFromToken(token, config);
        if (!headers.isEmpty()) os.headers(headers);
        return os;
    }

    /** Takes over the token openstack4j renewed on this thread after a 401. */
    synchronized void remember() {
        OSClientSession<?, ?> current = OSClientSession.getCurrent();
        if (current instanceof OSClientSession.OSClientSessionV3 v3 && v3.getToken() != null
                && v3.getToken().getId() != null && token != null && !v3.getToken().getId().equals(token.getId())) {
            token = v3.getToken();
            logins.incrementAndGet();
        }
    }

    /** How many tokens were issued to this session (first login and renewals). */
    int logins() {
        return logins.get();
    }

    /** When the current token expires, if there is one. */
    synchronized Instant expires() {
        return token == null || token.getExpires() == null ? null : token.getExpires().toInstant();
    }

    private boolean expiresSoon(Token t) {
        return t.getExpires() != null && !t.getExpires().toInstant().isAfter(clock.instant().plus(RENEW_BEFORE));
    }

    private Token authenticate() {
        try {
            OSClientV3 os = OSFactory.builderV3().withConfig(config).endpoint(login.authUrl())
                    .credentials(login.username(), login.password().reveal(), Identifier.byName(login.domain()))
                    .scopeToProject(Identifier.byName(login.project()), Identifier.byName(login.domain()))
                    .authenticate();
            logins.incrementAndGet();
            return os.getToken();
        } catch (AuthenticationException e) {
            throw new CloudException("iNova refused the login of user '" + login.username() + "' to project '"
                    + login.project() + "' at " + login.authUrl() + " (HTTP " + e.getStatus()
                    + "): check the user, project, domain and the password credential", e.getStatus(), false);
        } catch (ConnectionException e) {
            throw new CloudException("cannot reach iNova Identity at " + login.authUrl() + ": "
                    + login.password().scrub(String.valueOf(e.getMessage())), 0, true, null);
        } catch (ResponseException e) {
            throw new CloudException("iNova Identity at " + login.authUrl() + " answered HTTP " + e.getStatus() + ": "
                    + login.password().scrub(String.valueOf(e.getMessage())), e.getStatus(), e.getStatus() >= 500);
        }
    }
}
