package io.inception.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.inception.engine.merge.Secret;
import io.inception.sandbox.xenapi.XenApiSimulator;
import io.inception.xen.lab.LabService;
import io.inception.xen.lab.PhysicalPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception lab ...} as a user runs it, against the simulated pool and the shipped lab templates. */
class LabCommandTest {
    @TempDir
    Path home;
    XenApiSimulator sim;
    LabService labs;

    private record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void start() {
        sim = XenApiSimulator.start();
        labs = LabService.standard(Path.of("../environments/labs"), home.resolve("labs"),
                List.of(new PhysicalPool("sandbox", sim.url(), sim.username(), new Secret(sim.password()))),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private Result run(String user, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new LabCommand(() -> labs, user));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        String[] withHome = new String[args.length + 2];
        withHome[0] = "--home";
        withHome[1] = home.toString();
        System.arraycopy(args, 0, withHome, 2, args.length);
        int exit = cmd.execute(withHome);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void createListShowExtendDeleteWithJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Result created = run("dev1", "create", "--template", "nested-3", "--name", "demo", "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode lab = json.readTree(created.out());
        String id = lab.get("id").asText();
        assertThat(lab.get("state").asText()).isEqualTo("READY");
        assertThat(lab.get("vms")).hasSize(4);

        Result list = run("dev1", "list");
        assertThat(list.out()).contains(id, "demo", "nested-3", "READY");
        assertThat(run("dev2", "list").out()).contains("no labs");

        Result show = run("dev1", "show", id);
        assertThat(show.out()).contains("nested pool master: 127.0.0.1:", "nested-host " + id + "-host-1");

        Result extended = run("dev1", "extend", id, "--by", "4h", "--json");
        assertThat(extended.exit()).isZero();
        assertThat(json.readTree(extended.out()).at("/lease/expiresAt").asText()).isNotEmpty();

        assertThat(run("dev1", "delete", id).out()).contains("DELETED");
        assertThat(run("dev1", "delete", id).exit()).isZero();
        assertThat(run("dev1", "show", "lab-nope").exit()).isEqualTo(2);
    }

    @Test
    void refusalsExitThreeAndSayWhy() {
        Result tooLong = run("dev1", "create", "--template", "single-host", "--ttl", "8d");
        assertThat(tooLong.exit()).isEqualTo(3);
        assertThat(tooLong.err()).contains("at most 7 days");
        Result unknown = run("dev1", "create", "--template", "nope", "--json");
        assertThat(unknown.exit()).isEqualTo(3);
        assertThat(unknown.out()).contains("\"refused\"", "no lab template");
    }

    @Test
    void createWaitsPrintingProgressOrReturnsAtOnceAndAServerBuildsWhatWasQueued() throws Exception {
        Result waited = run("dev1", "create", "--template", "single-host");
        assertThat(waited.exit()).as(waited.err()).isZero();
        assertThat(waited.out()).contains(": CREATING — accepted: waiting to be built", ": READY — ready",
                "template single-host on pool sandbox");

        Result queued = run("dev2", "create", "--template", "single-host", "--no-wait", "--json");
        assertThat(queued.exit()).as(queued.err()).isZero();
        String id = queued.out().replaceAll("(?s).*\"id\" : \"([^\"]+)\".*", "$1");
        assertThat(queued.out()).contains("\"state\" : \"CREATING\"");
        assertThat(run("dev2", "show", id).out()).contains("CREATING — accepted: waiting to be built");

        // a server's node (here: one of this test) builds what was queued
        javax.sql.DataSource queue = io.inception.cluster.ClusterDatabase.dataSource(
                io.inception.engine.store.Store.defaultUrl(home));
        try (io.inception.engine.store.Store db = io.inception.engine.store.Store.openDefault(home);
             io.inception.cluster.ClusterNode server = io.inception.app.labs.LabNodes.localNode(queue,
                     labs.on(new io.inception.xen.lab.DbLabStore(db.labs())), labs.pools(), "server", Clock.systemUTC())) {
            io.inception.engine.wait.WaitStrategy.of(java.time.Duration.ofSeconds(90), java.time.Duration.ofMillis(100))
                    .poll("lab " + id + " READY", () -> java.util.Optional.of(run("dev2", "show", id).out())
                            .filter(o -> o.contains("READY — ready")))
                    .orElseThrow(AssertionError::new);
        }

        Result deleting = run("dev2", "delete", id, "--no-wait");
        assertThat(deleting.out()).contains("DELETING");
        assertThat(run("dev2", "delete", id).out()).contains("DELETED");
    }

    @Test
    void labsOfEarlierVersionsJsonFilesAreImportedIntoTheDatabase() throws Exception {
        io.inception.xen.lab.JsonFileLabStore files = new io.inception.xen.lab.JsonFileLabStore(home.resolve("labs"));
        files.save(new io.inception.xen.lab.Lab("lab-old", "old", "dev1", "nested-3", "sandbox",
                io.inception.xen.lab.Lease.starting(java.time.Instant.now(), null), io.inception.xen.lab.Lab.State.READY,
                List.of(), "", "ready", 26L << 30, 3, java.time.Instant.now()));
        assertThat(run("dev1", "list").out()).contains("lab-old", "READY");
        assertThat(home.resolve("labs/lab-old.json.imported")).exists();
        assertThat(home.resolve("labs/lab-old.json")).doesNotExist();
        assertThat(run("dev1", "show", "lab-old").exit()).isZero();
    }
}
