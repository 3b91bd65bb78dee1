package io.inception.app.web;

import io.inception.app.promotion.PromotionService;
import io.inception.engine.store.Promotion;
import io.inception.engine.store.PromotionStatus;
import io.inception.engine.store.Store;
import io.inception.engine.wait.WaitStrategy;
import io.inception.engine.wait.Waited;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A server started over a store where a promotion was left RUNNING by a server that died ends it as interrupted. */
class AbandonedPromotionTest {
    @TempDir
    Path home;

    @Test
    void aPromotionLeftRunningByADeadServerEndsInterruptedWhenTheServerStartsAndStagingIsBackOnItsBuild() throws Exception {
        Store store = Store.openDefault(home);
        Instant lastBeat = Instant.now().minus(PromotionService.ABANDONED_AFTER).minusSeconds(30);
        store.promotions().save(new Promotion("p-20261127-0042", "b-2", "staging", PromotionStatus.RUNNING, "rita", "rita",
                "b-1", "builds/b-2", null, null, "rollout ro-7: 40 of 200 hosts done", lastBeat, lastBeat));
        try (WebFixture web = new WebFixture(store, home)) {

            // the server looks for abandoned promotions as it starts, then every 30 s
            Waited<Promotion> ended = WaitStrategy.of(Duration.ofSeconds(30), Duration.ofMillis(50)).poll(
                    "the abandoned promotion to end", () -> store.promotions().find("p-20261127-0042")
                            .filter(p -> p.status().isComplete()));

            assertThat(ended).as(ended.toString()).isInstanceOf(Waited.Reached.class);
            Promotion p = ((Waited.Reached<Promotion>) ended).value();
            assertThat(p.status()).isEqualTo(PromotionStatus.FAILED);
            assertThat(p.message()).startsWith("interrupted: the process carrying it out stopped")
                    .contains("last step: rollout ro-7: 40 of 200 hosts done", "suite staging is back on b-1");
            assertThat(web.suites).containsEntry("staging", "b-1");
            HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(web.server.url()
                    + "/api/promotions/p-20261127-0042")).header("Authorization", "Bearer " + web.ritaToken).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.body()).contains("\"status\" : \"FAILED\"", "\"complete\" : true", "interrupted: ");
        } finally {
            store.close();
        }
    }
}
