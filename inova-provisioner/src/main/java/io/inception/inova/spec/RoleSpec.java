package io.inception.inova.spec;

import java.time.Duration;
import java.util.Optional;

/**
 * One role of the control plane (nova-api, keystone, a cell's database...): how many VMs, of what
 * flavor and image, spread by which anti-affinity group.
 *
 * @param name          role name, e.g. {@code nova-api}; part of the server names
 * @param flavor        the Nova flavor's name
 * @param image         the Glance image's name
 * @param count         how many servers the role has
 * @param antiAffinity  the server group the role's servers share (policy anti-affinity), if any
 * @param healthPort    a TCP port that must accept connections for a server to count as healthy, if any
 * @param bootTimeout   how long a server may stay in BUILD before it is deleted and launched again
 * @param launchRetries how many failed launches (ERROR, boot timeout) a role may have before it fails
 */
public record RoleSpec(String name, String flavor, String image, int count, Optional<String> antiAffinity,
                       Optional<Integer> healthPort, Duration bootTimeout, int launchRetries) {
    /** Nodepool's defaults: ten minutes to boot, three launch retries. */
    public static final Duration DEFAULT_BOOT_TIMEOUT = Duration.ofMinutes(10);
    public static final int DEFAULT_LAUNCH_RETRIES = 3;

    /** The same role with {@code count} servers. */
    public RoleSpec withCount(int newCount) {
        return new RoleSpec(name, flavor, image, newCount, antiAffinity, healthPort, bootTimeout, launchRetries);
    }

    /** The same role with another boot timeout. */
    public RoleSpec withBootTimeout(Duration timeout) {
        return new RoleSpec(name, flavor, image, count, antiAffinity, healthPort, timeout, launchRetries);
    }
}
