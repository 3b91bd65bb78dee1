package io.inception.sandbox.inova;

import io.inception.sandbox.ssh.SandboxFleet;

/**
 * What the sandbox does when one of its servers becomes reachable (ACTIVE with an address) and when it
 * stops being so (deleted, died, ERROR). {@link #over(SandboxFleet)} makes every ACTIVE server a
 * simulated Debian host behind the fleet's real SSH at the server's own {@code 127.64.x.y} address,
 * so Puppet and health checks can log in to the control VMs the provisioner made.
 */
public interface ServerReachability {
    /** Nothing is reachable: the default. */
    ServerReachability NONE = new ServerReachability() {
        @Override
        public void up(String name, String address) {
        }

        @Override
        public void down(String name, String address) {
        }
    };

    /** Called under the cloud's lock; must not call back into the cloud. */
    void up(String name, String address);

    void down(String name, String address);

    /** Servers become hosts of {@code fleet} (cell {@code vm}), on the fleet's SSH port. */
    static ServerReachability over(SandboxFleet fleet) {
        return new ServerReachability() {
            @Override
            public void up(String name, String address) {
                fleet.addHost(name, "vm", address);
            }

            @Override
            public void down(String name, String address) {
                fleet.removeHost(name);
            }
        };
    }
}
