package io.inception.app.web;

import io.inception.app.cli.PromoteCommand;
import io.inception.app.rollout.Cli;
import io.inception.app.rollout.Cli.Result;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code inception promote --server URL}: through the API, following the server's worker (or not, with --no-wait). */
class PromoteOverApiTest {
    @TempDir
    Path home;
    WebFixture web;

    @BeforeEach
    void start() {
        web = new WebFixture(home);
    }

    @AfterEach
    void stop() {
        if (web.hold != null) web.hold.countDown();
        web.close();
    }

    Result promote(String token, String... args) throws Exception {
        return promoteAt(web.server.url(), token, args);
    }

    Result promoteAt(String server, String token, String... args) throws Exception {
        Path tokenFile = Files.writeString(home.resolve("token"), token);
        List<String> all = new ArrayList<>(List.of("--server", server, "--token-file", tokenFile.toString(),
                "--home", home.resolve("cli-home").toString(), "--poll", "100ms"));
        all.addAll(List.of(args));
        return Cli.run(new PromoteCommand(), all.toArray(String[]::new));
    }

    @Test
    void byDefaultItFollowsThePromotionPrintingEachStepUntilItEnds() throws Exception {
        Result r = promote(web.ritaToken, "b-2", "--to", "staging");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("of b-2 to staging started", web.server.url() + "/promotions/p-",
                "  rollout ro-p-", ": waiting at gate of wave rest", "  smoke: 14 of 14 passed",
                "promoted b-2 to staging (p-").endsWith("staging runs b-2: 4 hosts upgraded, smoke 14/14\n");
        assertThat(web.suites).containsEntry("staging", "b-2");
        assertThat(r.out() + r.err()).as("the API token is never printed").doesNotContain(web.ritaToken);
    }

    @Test
    void withNoWaitItReturnsOnceTheServerStartedIt() throws Exception {
        web.hold = new CountDownLatch(1);

        Result r = promote(web.ritaToken, "b-1", "--to", "staging", "--no-wait");

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("of b-1 to staging started").doesNotContain("promoted b-1");
        Promotion p = web.store.promotions().list(1).get(0);
        assertThat(p.status()).as("still held at the deploy's gate on the server").isEqualTo(PromotionStatus.RUNNING);
        Result busy = promote(web.ritaToken, "b-2", "--to", "staging");
        assertThat(busy.exit()).isEqualTo(2);
        assertThat(busy.err()).contains("promotion " + p.id() + " of b-1 to staging is still running");
        web.hold.countDown();
        Result list = promote(web.ritaToken, "--list");
        assertThat(list.exit()).isZero();
        assertThat(list.out()).contains(p.id(), "b-1", "staging");
    }

    @Test
    void aDevelopersTokenIsDeniedAndNoWaitNeedsAServer() throws Exception {
        Result dave = promote(web.daveToken, "b-1", "--to", "staging");
        assertThat(dave.exit()).isEqualTo(3);
        assertThat(dave.err()).contains("denied: dave: role developer may not promote; ask a release manager");

        Result local = promoteAt("", web.ritaToken, "b-1", "--no-wait");
        assertThat(local.exit()).isEqualTo(2);
        assertThat(local.err()).contains("--no-wait needs --server");
    }
}
