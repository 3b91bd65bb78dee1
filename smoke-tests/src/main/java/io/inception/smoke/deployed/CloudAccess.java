package io.inception.smoke.deployed;

import io.inception.engine.merge.Secret;

import java.net.URI;
import java.util.Objects;

/**
 * How the smoke tests log in to an environment's cloud (Keystone v3 password authentication, project scope).
 *
 * @param authUrl  the Identity endpoint, with or without its {@code /v3} suffix
 * @param username the user
 * @param password the user's password; prints as {@code ***}
 * @param project  the project the token is scoped to
 * @param domain   the domain of the user and of the project
 */
public record CloudAccess(URI authUrl, String username, Secret password, String project, String domain) {
    public CloudAccess {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(project, "project");
        domain = domain == null || domain.isBlank() ? "Default" : domain;
    }

    /** The Keystone v3 root: {@code authUrl} with {@code /v3} appended when it is missing. */
    public URI identityV3() {
        String url = authUrl.toString().replaceAll("/+$", "");
        return URI.create(url.endsWith("/v3") ? url : url + "/v3");
    }
}
