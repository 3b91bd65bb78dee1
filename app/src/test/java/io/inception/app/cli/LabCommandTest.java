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
        int exit = cmd.execute(args);
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
}
