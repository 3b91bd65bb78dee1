package io.inception.app.cli;

import io.inception.sandbox.ssh.SandboxFleet;
import io.inception.sandbox.ssh.SandboxFleetSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.inception.sandbox.inova.InovaSimulator;
import io.inception.sandbox.inova.InovaSpec;
import io.inception.packaging.Packaging;
import io.inception.sandbox.ssh.HostEndpoint;
import io.inception.sandbox.ssh.HttpAptIndex;
import io.inception.sandbox.xenapi.XenApiSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code inception sandbox up}: the simulated fleet in the foreground until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true, description = "The embedded simulated cloud.",
        subcommands = SandboxCommand.Up.class)
public final class SandboxCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("inception: say `inception sandbox up`");
        return 2;
    }

    /** {@code inception sandbox up [--hosts N] [--cells C] [--json]}. */
    @Command(name = "up", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
            description = "Start simulated hosts behind real SSH on 127.0.x.y, a simulated XenServer pool (XenAPI) and a"
                    + " simulated iNova (Keystone, Nova, Glance), print their endpoints; stays up until interrupted.")
    public static final class Up implements Callable<Integer> {
        @Option(names = "--hosts", defaultValue = "20", description = "Number of hosts (default: ${DEFAULT-VALUE}).")
        int hosts;

        @Option(names = "--cells", defaultValue = "2", description = "Number of compute cells (default: ${DEFAULT-VALUE}).")
        int cells;

        @Option(names = "--port", defaultValue = "0", description = "SSH port of every host (default: an ephemeral port each).")
        int port;

        @Option(names = "--dir", paramLabel = "DIR", description = "Where the client key is written (default: a new temporary directory).")
        Path dir;

        @Option(names = "--json", description = "Print one JSON document (hosts, ssh, xenapi, keystone) once ready.")
        boolean json;

        @Option(names = "--apt-key", paramLabel = "FILE", description = "An apt repository's armored public key (e.g."
                + " $INCEPTION_HOME/apt/inception-archive-keyring.asc): every host holds it at "
                + Packaging.HOST_KEYRING + " and its apt-get reads http(s) sources for real, checking their signature"
                + " and hashes (without it the hosts' apt offers nova-compute 1.0-1 and 2.0-1 for any source).")
        Path aptKey;

        /** Counted down when the fleet is up (for tests). */
        final CountDownLatch ready = new CountDownLatch(1);

        @Override
        public Integer call() throws Exception {
            Path work = dir != null ? dir : Files.createTempDirectory("inception-sandbox-");
            SandboxFleetSpec spec = SandboxFleetSpec.of(hosts, cells, work).withPort(port);
            String key = aptKey == null ? null : Files.readString(aptKey);
            if (key != null) spec = spec.withIndex(new HttpAptIndex(spec.index()));
            try (SandboxFleet fleet = SandboxFleet.start(spec);
                 XenApiSimulator xen = XenApiSimulator.start();
                 // the fleet's hosts are iNova's hypervisors: their nova-compute services are what a rollout drains
                 InovaSimulator inova = InovaSimulator.start(InovaSpec.defaults().withComputeHosts(
                         fleet.endpoints().stream().map(HostEndpoint::name).toList()))) {
                if (key != null) fleet.hosts().forEach(h -> h.state().withFile(Packaging.HOST_KEYRING, key));
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode doc = (ObjectNode) mapper.readTree(fleet.describeJson());
                    // the simulated physical pool's login: sandbox data, printed so any XenAPI client can use it
                    doc.putObject("xenapi").put("url", xen.url()).put("username", xen.username())
                            .put("password", xen.password());
                    // the simulated iNova's login: sandbox data, printed so any OpenStack client can use it
                    doc.set("keystone", inova.describeJson());
                    System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
                } else {
                    System.out.println("sandbox up: XenAPI pool at " + xen.url() + " (user " + xen.username()
                            + "; --json prints the password)");
                    System.out.println("sandbox up: iNova (Keystone v3) at " + inova.authUrl() + " (user "
                            + inova.username() + ", project " + inova.project() + ", domain " + inova.domain()
                            + "; --json prints the password)");
                    System.out.println("sandbox up: " + fleet.hosts().size() + " hosts in " + cells + " cells; ssh as "
                            + fleet.user() + " with " + fleet.privateKeyFile());
                    fleet.endpoints().forEach(e -> System.out.println("  " + e.name() + " " + e.cell() + " "
                            + e.address() + ":" + e.port()));
                }
                System.out.flush();
                ready.countDown();
                new CountDownLatch(1).await(); // until interrupted (Ctrl-C ends the JVM, closing the sockets)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }
    }
}
