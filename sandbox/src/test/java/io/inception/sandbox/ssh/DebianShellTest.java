package io.inception.sandbox.ssh;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DebianShellTest {
    final DebianState state = new DebianState().withPackage("nova-compute", "1.0-1");
    final DebianShell shell = new DebianShell(state,
            PackageIndex.fixed(Map.of("nova-compute", List.of("1.0-1", "2.0-1"))));

    @Test
    void aFailingPostinstLeavesThePackageHalfConfiguredAndTheServiceDown() {
        state.inject(HostFault.INSTALL_FAILS);
        DebianShell.Outcome r = shell.run("apt-get update && apt-get install -y nova-compute=2.0-1");
        assertThat(r.exitCode()).isEqualTo(100);
        assertThat(r.stderr()).contains("post-installation script subprocess returned error exit status 1");
        assertThat(shell.run("dpkg-query -W -f='${Status}|${Version}' nova-compute").stdout())
                .isEqualTo("install ok half-configured|2.0-1");

        assertThat(shell.run("apt-get install -y nova-compute=1.0-1").exitCode()).as("downgrade needs consent").isEqualTo(100);
        assertThat(shell.run("apt-get install -y --allow-downgrades nova-compute=1.0-1").exitCode()).isZero();
        assertThat(shell.run("systemctl restart nova-compute && systemctl is-active nova-compute").stdout()).isEqualTo("active\n");
    }

    @Test
    void quotedHostileTextStaysOneWord() {
        DebianShell.Outcome r = shell.run("echo 'x; rm -rf / && $(reboot) `id` | cat'");
        assertThat(r.stdout()).isEqualTo("x; rm -rf / && $(reboot) `id` | cat\n");
        assertThat(shell.run("echo $(id)").exitCode()).isEqualTo(2);
    }

    @Test
    void redirectionWritesTheSourcesFile() {
        shell.run("sudo -n sh -c 'printf \"%s\\n\" \"deb http://r/ s main\" > /etc/apt/sources.list.d/inception.list'");
        assertThat(state.file("/etc/apt/sources.list.d/inception.list")).contains("deb http://r/ s main\n");
    }
}
