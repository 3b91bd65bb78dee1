package io.inception.sandbox.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a sandbox fleet looks like.
 *
 * @param hosts          number of hosts
 * @param cells          number of compute cells the hosts are split into (contiguous blocks)
 * @param user           the SSH user (any user may {@code sudo})
 * @param packageName    the package every host has installed, with a service of the same name
 * @param initialVersion its installed version
 * @param index          what {@code apt-get update} finds
 * @param port           the port every host listens on (0: an ephemeral port each)
 * @param workDir        where the client key file is written
 */
public record SandboxFleetSpec(int hosts, int cells, String user, String packageName, String initialVersion,
                               PackageIndex index, int port, Path workDir) {
    /** {@code hosts} hosts in {@code cells} cells with nova-compute 1.0-1 installed and 1.0-1, 2.0-1 offered. */
    public static SandboxFleetSpec of(int hosts, int cells, Path workDir) {
        return new SandboxFleetSpec(hosts, cells, "inception", "nova-compute", "1.0-1",
                PackageIndex.fixed(Map.of("nova-compute", List.of("1.0-1", "2.0-1"))), 0, workDir);
    }

    public SandboxFleetSpec withIndex(PackageIndex index) {
        return new SandboxFleetSpec(hosts, cells, user, packageName, initialVersion, index, port, workDir);
    }

    public SandboxFleetSpec withPort(int port) {
        return new SandboxFleetSpec(hosts, cells, user, packageName, initialVersion, index, port, workDir);
    }
}
