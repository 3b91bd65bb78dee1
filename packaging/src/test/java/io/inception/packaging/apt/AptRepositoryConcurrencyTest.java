package io.inception.packaging.apt;

import io.inception.packaging.deb.BuiltPackage;
import io.inception.packaging.deb.Digests;
import io.inception.packaging.testing.TestRepos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Publishes and repoints from several threads at once; readers never see a mix. */
class AptRepositoryConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void concurrentPublishesAllEndComplete() throws Exception {
        AptRepository repo = AptRepository.open(dir.resolve("repo"), TestRepos.signer(Clock.systemUTC()), Clock.systemUTC());
        int builds = 6;
        List<List<BuiltPackage>> debs = new ArrayList<>();
        for (int i = 0; i < builds; i++) {
            debs.add(List.of(TestRepos.deb(dir, "nova-compute", "1." + i + "-1"),
                    TestRepos.deb(dir, "nova-common", "1.0-1"))); // shared by every build: same pool file
        }
        ExecutorService pool = Executors.newFixedThreadPool(builds);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AptSnapshot>> results = new ArrayList<>();
        for (int i = 0; i < builds; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                start.await();
                AptSnapshot s = repo.publishBuilt("b-" + n, debs.get(n));
                repo.point("qe", "b-" + n);
                return s;
            }));
        }
        start.countDown();
        Set<Long> sequences = new HashSet<>();
        for (Future<AptSnapshot> f : results) sequences.add(f.get(60, TimeUnit.SECONDS).sequence());
        pool.shutdown();

        assertThat(sequences).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(repo.snapshots()).hasSize(builds);
        for (AptSnapshot s : repo.snapshots()) {
            assertThat(s.packages()).hasSize(2);
            Path dist = repo.root().resolve("dists/builds/" + s.buildId());
            assertConsistent(dist, Files.readString(dist.resolve("Release")));
            for (PoolPackage p : s.packages()) {
                assertThat(Digests.sha256(repo.root().resolve(p.filename()))).isEqualTo(p.sha256());
            }
        }
        assertThat(repo.pointers().get("qe").generation()).isEqualTo(builds);
        assertThat(repo.root().resolve(".tmp")).isEmptyDirectory();
    }

    @Test
    void readersSeeTheOldOrTheNewIndexNeverAMix() throws Exception {
        AptRepository repo = AptRepository.open(dir.resolve("repo"), TestRepos.signer(Clock.systemUTC()), Clock.systemUTC());
        repo.publishBuilt("b-1", List.of(TestRepos.deb(dir, "nova-compute", "1.0-1")));
        repo.publishBuilt("b-2", List.of(TestRepos.deb(dir, "nova-compute", "2.0-1")));
        repo.point("qe", "b-1");
        Path qe = repo.root().resolve("dists/qe");

        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<String> mixes = Collections.synchronizedList(new ArrayList<>());
        Set<String> versionsSeen = Collections.synchronizedSet(new HashSet<>());
        Callable<Void> apt = () -> { // like apt: InRelease first, then the index by its hash
            while (!done.get()) {
                String release = Files.readString(qe.resolve("InRelease"));
                String sha = AptRepositoryTest.sha256Listed(release, "main/binary-amd64/Packages");
                String packages;
                try {
                    packages = Files.readString(qe.resolve("main/binary-amd64/by-hash/SHA256/" + sha));
                } catch (NoSuchFileException twoRepointsSinceInRelease) {
                    continue; // only the previous generation is carried; apt's next update reads again
                }
                if (!Digests.hex("SHA-256", packages.getBytes()).equals(sha)) mixes.add("by-hash content mismatch");
                versionsSeen.add(packages.lines().filter(l -> l.startsWith("Version: ")).findFirst().orElse("?"));
                reads.incrementAndGet();
            }
            return null;
        };
        Callable<Void> files = () -> { // a plain-file reader that resolves the suite once
            while (!done.get()) {
                Path generation;
                try {
                    generation = qe.toRealPath();
                    assertConsistent(generation, Files.readString(generation.resolve("Release")));
                } catch (NoSuchFileException removedAfterTwoSwaps) {
                    continue; // it resolved a generation two repoints old; it reads again, as a mirror would
                } catch (AssertionError e) {
                    mixes.add(e.getMessage());
                }
                reads.incrementAndGet();
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Void>> readers = List.of(pool.submit(apt), pool.submit(apt), pool.submit(files));
        for (int i = 0; i < 60; i++) repo.point("qe", i % 2 == 0 ? "b-2" : "b-1");
        done.set(true);
        for (Future<Void> r : readers) r.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(mixes).isEmpty();
        assertThat(reads.get()).isGreaterThan(10);
        assertThat(versionsSeen).containsExactlyInAnyOrder("Version: 1.0-1", "Version: 2.0-1");
    }

    /** Every index listed in Release exists with that SHA-256. */
    static void assertConsistent(Path dist, String release) throws Exception {
        for (String f : List.of("main/binary-amd64/Packages", "main/binary-amd64/Packages.gz")) {
            assertThat(Digests.sha256(dist.resolve(f))).as("%s in %s", f, dist)
                    .isEqualTo(AptRepositoryTest.sha256Listed(release, f));
        }
    }
}
