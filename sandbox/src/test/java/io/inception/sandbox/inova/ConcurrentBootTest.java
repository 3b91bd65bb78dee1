package io.inception.sandbox.inova;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients booting at once: the quota and the anti-affinity policy hold under concurrency. */
class ConcurrentBootTest {
    final InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withBootDelay(Duration.ZERO)
            .withQuota(new InovaSpec.Quota(10, 100, 1_000_000))
            .withComputeHosts(List.of("h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8")));

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void twentyParallelBootsAgainstAQuotaOfTenMakeExactlyTenOnDistinctHosts() throws Exception {
        InovaHttp http = new InovaHttp(sim).login();
        String image = http.get("/image/v2/images").body().at("/images/0/id").asText();
        String group = http.compute("POST", "/os-server-groups",
                "{\"server_group\": {\"name\": \"g\", \"policies\": [\"anti-affinity\"]}}", "2.60")
                .body().at("/server_group/id").asText();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String body = "{\"server\": {\"name\": \"vm-" + i + "\", \"flavorRef\": \"1\", \"imageRef\": \"" + image
                    + "\", \"networks\": \"none\"}" + (i < 10 ? ", \"os:scheduler_hints\": {\"group\": \"" + group
                    + "\"}" : "") + "}";
            Callable<Integer> boot = () -> http.compute("POST", "/servers", body, "2.60").status();
            answers.add(pool.submit(boot));
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        pool.shutdown();

        assertThat(codes.stream().filter(c -> c == 202)).hasSize(10);
        assertThat(codes.stream().filter(c -> c == 403)).hasSize(10);
        List<InovaSimulator.ServerInfo> grouped = sim.servers().stream()
                .filter(s -> Integer.parseInt(s.name().substring(3)) < 10).toList();
        List<String> activeHosts = grouped.stream().filter(s -> s.status().equals("ACTIVE"))
                .map(InovaSimulator.ServerInfo::host).toList();
        assertThat(activeHosts).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(8);
        assertThat(grouped.stream().filter(s -> s.status().equals("ERROR")))
                .allSatisfy(s -> assertThat(s.faultMessage()).startsWith("No valid host was found."));
    }
}
