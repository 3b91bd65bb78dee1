package io.inception.app.demo;

import io.inception.app.InceptionHome;
import io.inception.puppet.apply.HostApply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DemoPuppetTest {
    @TempDir
    Path dir;

    @Test
    void theControlVmsGetTheirRolesAndASecondApplyChangesNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DemoPuppet.Result r = new DemoPuppet(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(dir, InceptionHome.sourceRoot());
        assertThat(r.ok()).as(bytes.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(r.first().hosts()).hasSize(DemoPuppet.ROLES.size()).allSatisfy(h -> assertThat(h.status()).isEqualTo(HostApply.Status.CHANGED));
        assertThat(r.first().hosts().get(0).changed()).extracting(s -> s.resource()).contains("Package[keystone]", "Service[keystone]");
        assertThat(r.second().hosts()).allSatisfy(h -> assertThat(h.exitCode()).isZero());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("==> Puppet: 7 control VMs", "first apply: 7 host(s)", "7 changed",
                "second apply: 7 host(s)", "0 changed, 7 unchanged, 0 failed");
    }
}
