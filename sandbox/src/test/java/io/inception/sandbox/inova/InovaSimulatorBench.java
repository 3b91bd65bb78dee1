package io.inception.sandbox.inova;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (run by {@code bench/inova/sandbox.sh}, not by CI: its name ends in Bench): N servers
 * booted by 8 parallel HTTP clients, all shown, listed in detail, deleted; then the openstack CLI's
 * own start-up against the same simulator. Prints {@code BENCH} lines.
 */
class InovaSimulatorBench {
    @Test
    void bootShowListDelete() throws Exception {
        int n = Integer.getInteger("bench.servers", 1000);
        List<String> hosts = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            hosts.add(String.format("c%d-%03d", 1 + i / 100, i));
        }
        try (InovaSimulator sim = InovaSimulator.start(InovaSpec.defaults().withBootDelay(Duration.ZERO)
                .withQuota(new InovaSpec.Quota(n, n * 8, n * 16384)).withComputeHosts(hosts))) {
            InovaHttp http = new InovaHttp(sim).login();
            String image = http.get("/image/v2/images").body().at("/images/0/id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(8);

            long t0 = System.nanoTime();
            List<Future<String>> made = new ArrayList<>();
            List<Long> bootMs = Collections.synchronizedList(new ArrayList<>());
            for (int i = 0; i < n; i++) {
                String body = "{\"server\": {\"name\": \"vm-" + i + "\", \"flavorRef\": \"1\", \"imageRef\": \""
                        + image + "\", \"networks\": \"none\", \"metadata\": {\"inception:env\": \"bench\"}}}";
                made.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    InovaHttp.Answer a = http.compute("POST", "/servers", body, "2.60");
                    bootMs.add((System.nanoTime() - s) / 1_000);
                    assertThat(a.status()).isEqualTo(202);
                    return a.body().at("/server/id").asText();
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> f : made) {
                ids.add(f.get());
            }
            long bootWall = System.nanoTime() - t0;

            t0 = System.nanoTime();
            List<Future<Integer>> shown = new ArrayList<>();
            for (String id : ids) {
                shown.add(pool.submit(() -> http.compute("GET", "/servers/" + id, null, "2.60").status()));
            }
            for (Future<Integer> f : shown) {
                assertThat(f.get()).isEqualTo(200);
            }
            long showWall = System.nanoTime() - t0;

            t0 = System.nanoTime();
            InovaHttp.Answer list = http.compute("GET", "/servers/detail", null, "2.60");
            long listWall = System.nanoTime() - t0;
            assertThat(list.body().get("servers")).hasSize(n);

            t0 = System.nanoTime();
            List<Future<Integer>> deleted = new ArrayList<>();
            for (String id : ids) {
                deleted.add(pool.submit(() -> http.compute("DELETE", "/servers/" + id, null, "2.60").status()));
            }
            for (Future<Integer> f : deleted) {
                assertThat(f.get()).isEqualTo(204);
            }
            long deleteWall = System.nanoTime() - t0;
            pool.shutdown();

            Collections.sort(bootMs);
            System.out.printf("BENCH servers=%d clients=8 hosts=%d%n", n, hosts.size());
            System.out.printf("BENCH boot: %.0f ms wall, %.0f/s, median %.2f ms, p99 %.2f ms%n", bootWall / 1e6,
                    n / (bootWall / 1e9), bootMs.get(n / 2) / 1e3, bootMs.get(n * 99 / 100) / 1e3);
            System.out.printf("BENCH show: %.0f ms wall, %.0f/s%n", showWall / 1e6, n / (showWall / 1e9));
            System.out.printf("BENCH list detail of %d: %.0f ms, %d bytes%n", n, listWall / 1e6, list.text().length());
            System.out.printf("BENCH delete: %.0f ms wall, %.0f/s%n", deleteWall / 1e6, n / (deleteWall / 1e9));

            for (String[] cmd : new String[][]{{"--version"}, {"token", "issue", "-f", "json"},
                    {"server", "list", "-f", "json"}}) {
                t0 = System.nanoTime();
                OpenStackClientIT.sim = sim;
                OpenStackClientIT.openstack(cmd);
                System.out.printf("BENCH openstack %s: %.0f ms%n", String.join(" ", cmd), (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
