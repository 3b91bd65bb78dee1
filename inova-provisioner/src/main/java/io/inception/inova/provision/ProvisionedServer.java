package io.inception.inova.provision;

/**
 * A control VM as provisioned: what Puppet, the smoke tests and {@code env show} need.
 *
 * @param name    server name, {@code <env>-<cell>-<role>-<n>}
 * @param id      server UUID
 * @param cell    {@code api} or the compute cell
 * @param role    the role
 * @param address its IPv4 address (empty when the cloud gives none)
 * @param build   the build that made it ({@code inception:build})
 * @param status  Nova's status
 */
public record ProvisionedServer(String name, String id, String cell, String role, String address, String build,
                                String status) {
}
