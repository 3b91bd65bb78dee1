package io.inception.sandbox.ssh;

/** A fault a simulated host can be told to show, set per host by a test or an admin call. */
public enum HostFault {
    /** {@code apt-get install} of a new version fails as a broken postinst does (exit 100). */
    INSTALL_FAILS,
    /** After {@code systemctl restart} the service is inactive. */
    SERVICE_DOES_NOT_COME_BACK,
    /** After install the package reports another version than the one asked for. */
    WRONG_VERSION_AFTER_RESTART,
    /** Every command answers after the host's slow delay. */
    SLOW,
    /** The host's sshd stops listening. */
    UNREACHABLE,
    /** The host presents a new host key, as a reinstalled or impersonated host does. */
    CHANGED_HOST_KEY
}
