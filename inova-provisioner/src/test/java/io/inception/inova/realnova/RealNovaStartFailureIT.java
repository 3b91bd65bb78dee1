package io.inception.inova.realnova;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A start that cannot succeed fails with what went wrong (the script's log), it is never skipped. */
class RealNovaStartFailureIT {

    @Test
    void portInUseFailsTheStartWithTheScriptsMessage(@TempDir Path tmp) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Path script = RealNova.Launcher.repositoryRoot().resolve("scripts/openstack-zed/zed.sh");
            RealNova.Launcher launcher = new RealNova.Launcher(script, tmp.resolve("zed"),
                    String.valueOf(port), Duration.ofSeconds(60), false);

            assertThatThrownBy(launcher::startOrReuse)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("did not start: exit 1")
                    .hasMessageContaining("port " + port + " on 127.0.0.1 is in use");
        }
        assertThat(tmp.resolve("zed/run")).doesNotExist();
    }
}
