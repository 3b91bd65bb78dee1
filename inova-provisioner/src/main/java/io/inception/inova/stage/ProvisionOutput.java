package io.inception.inova.stage;

import io.inception.inova.provision.ProvisionedServer;

import java.util.List;

/**
 * The provision stage's output, read by later stages (Puppet, smoke tests).
 *
 * @param environment the environment
 * @param servers     every control VM with its address
 */
public record ProvisionOutput(String environment, List<ProvisionedServer> servers) {
    public ProvisionOutput {
        servers = List.copyOf(servers);
    }
}
