package io.inception.inova.openstack;

import io.inception.engine.merge.Secret;

import java.util.Objects;

/**
 * A password login to Identity v3, scoped to a project. The password is a {@link Secret}: this
 * record's {@code toString()} shows {@code ***}.
 *
 * @param authUrl  the Identity v3 URL
 * @param username user name
 * @param password the password
 * @param project  project name
 * @param domain   domain name of the user and the project
 */
public record KeystoneLogin(String authUrl, String username, Secret password, String project, String domain) {
    public KeystoneLogin {
        Objects.requireNonNull(authUrl, "authUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(domain, "domain");
    }
}
