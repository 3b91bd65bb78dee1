package io.inception.app.cli;

import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.xen.api.XenApi;
import io.inception.xen.api.XenSession;
import io.inception.xen.wipe.HostWipe;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception hosts wipe} against QE hosts running as VMs on the simulated pool. */
class HostsCommandTest {
    @Test
    void wipeRevertsEveryHostAndReportsPerHost() {
        try (XenApiSimulator sim = XenApiSimulator.start();
             XenSession s = XenApi.connect(sim.url()).login(sim.username(), sim.password())) {
            for (String h : List.of("qe-c1-001", "qe-c1-002")) {
                String vm = s.vms().install(s.vms().template("Debian Bookworm 12"), h);
                s.vms().snapshot(vm, "golden");
                s.vms().start(vm);
            }
            StringWriter out = new StringWriter();
            CommandLine cmd = new CommandLine(new HostsCommand(env -> List.of("qe-c1-001", "qe-c1-002", "qe-c1-404"),
                    env -> new HostWipe(s, Duration.ofSeconds(10))));
            cmd.setOut(new PrintWriter(out));
            int exit = cmd.execute("wipe", "qe", "--wave-size", "1", "--failure-budget", "1");
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).contains("qe-c1-001", "REVERTED", "wave 1: reverted to golden, running",
                    "qe-c1-404", "FAILED", "wave 3: find the host VM: no VM named qe-c1-404");
        }
    }
}
