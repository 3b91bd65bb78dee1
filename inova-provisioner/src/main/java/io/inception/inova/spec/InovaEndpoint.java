package io.inception.inova.spec;

import java.util.Optional;

/**
 * Where the environment's control VMs live: the iNova Identity v3 endpoint and the login, the
 * password by reference to the environment's {@code credentials:} map. {@code sandbox} means the
 * embedded sandbox iNova, whose endpoint the command is given (e.g. {@code sandbox up --json}).
 *
 * @param authUrl            the Identity v3 URL, e.g. {@code https://inova.example.com:5000/v3}; empty for the sandbox
 * @param username           user name
 * @param passwordCredential the name of the credential holding the password
 * @param project            project (tenant) name the token is scoped to
 * @param domain             the user's and project's domain name
 * @param sandbox            true for the sandbox iNova
 */
public record InovaEndpoint(Optional<String> authUrl, String username, String passwordCredential, String project,
                            String domain, boolean sandbox) {
    /** The sandbox iNova: endpoint and login come with the command. */
    public static InovaEndpoint sandboxEndpoint() {
        return new InovaEndpoint(Optional.empty(), "", "", "", "Default", true);
    }
}
