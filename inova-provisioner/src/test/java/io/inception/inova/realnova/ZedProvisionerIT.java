package io.inception.inova.realnova;

import io.inception.engine.wait.Pause;
import io.inception.inova.cloud.Cloud;
import io.inception.inova.openstack.KeystoneLogin;
import io.inception.inova.openstack.OpenStackCloud;
import io.inception.inova.provision.ProvisionerContractTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The provisioner's contract against a real Nova (OpenStack Zed from Debian's packages, fake virt
 * driver, 5 computes), as its admin (the drain needs {@code os-services}). Faults are made the way
 * they happen: a boot fails with "No valid host" while every compute service is disabled (enabled
 * again by the read that first shows that server in ERROR: {@link NoValidHostCloud}); boots hang
 * while nova-conductor is stopped (SIGSTOP of the process group zed.sh started, SIGCONT after the
 * test); a server dies by {@code os-resetState}; the quota is set with {@code openstack quota set}.
 */
class ZedProvisionerIT extends ProvisionerContractTest {
    private static RealNova nova;
    private static NoValidHostCloud cloud;
    private static OpenStackCli admin;
    private volatile boolean conductorStopped;

    @BeforeAll
    static void start() {
        nova = RealNova.shared();
        cloud = new NoValidHostCloud(OpenStackCloud.connect(new KeystoneLogin(nova.authUrl().toString(),
                nova.admin().username(), nova.admin().password(), nova.admin().project(), nova.domain()), Clock.systemUTC()));
        admin = new OpenStackCli(nova.cliEnvironment(true), Duration.ofMinutes(2));
    }

    ZedProvisionerIT() {
        super(Clock.systemUTC(), Pause.SLEEP);
    }

    @AfterAll
    static void close() {
        if (cloud != null) cloud.close();
    }

    @Override
    protected Cloud cloud() {
        return cloud;
    }

    @Override
    protected String flavor() {
        return nova.flavors().get(0);
    }

    @Override
    protected String image() {
        return nova.image();
    }

    @Override
    protected Duration bootTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    protected void failNextBoots(String prefix, int n) {
        cloud.failNextBoots(prefix, n);
    }

    @Override
    protected void hangBoots(String prefix, int n) {
        signalConductor("STOP");
        conductorStopped = true;
    }

    @Override
    protected void resetFaults() {
        if (conductorStopped) {
            signalConductor("CONT");
            conductorStopped = false;
        }
        cloud.reset();
    }

    @Override
    protected void limitInstances(int max) {
        admin.run("quota", "set", "--instances", String.valueOf(max), nova.admin().project());
    }

    @Override
    protected void breakServer(String id) {
        admin.run("server", "set", "--state", "error", id);
    }

    /** SIGSTOP / SIGCONT to the process group of the nova-conductor zed.sh started (its saved pid). */
    private static void signalConductor(String signal) {
        Path pidFile = nova.logDir().getParent().resolve("run/nova-conductor.pid");
        try {
            String pid = Files.readString(pidFile).strip();
            Process p = new ProcessBuilder("kill", "-" + signal, "--", "-" + pid).inheritIO().start();
            if (p.waitFor() != 0) throw new AssertionError("kill -" + signal + " of nova-conductor (pid " + pid + ") failed");
        } catch (IOException e) {
            throw new AssertionError("cannot read " + pidFile + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted signalling nova-conductor", e);
        }
    }
}
