package io.inception.app.access;

/**
 * Who is acting, as far as authorisation and the audit log are concerned.
 *
 * @param name   user name
 * @param role   their role
 * @param source from where: the client's address, or {@code cli}
 */
public record Actor(String name, Role role, String source) {
    public boolean may(Permission p) {
        return role.may(p);
    }
}
