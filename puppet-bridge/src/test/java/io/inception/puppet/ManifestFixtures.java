package io.inception.puppet;

import io.inception.engine.config.EnvironmentFile;
import org.eclipse.jgit.api.Git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A git repository holding the project's sample manifests under {@code puppet/}, and an environment using them. */
public final class ManifestFixtures {
    private ManifestFixtures() {
    }

    /** The project's {@code environments/puppet}. */
    public static Path sampleManifests() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("environments/puppet/manifests/site.pp"))) return p.resolve("environments/puppet");
        }
        throw new IllegalStateException("environments/puppet not found above " + Path.of("").toAbsolutePath());
    }

    /** A repository with the sample manifests under {@code puppet/}, committed once; returns its folder. */
    public static Path manifestRepo(Path dir) {
        try {
            Path repo = Files.createDirectories(dir.resolve("manifests-repo"));
            Path source = sampleManifests();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = repo.resolve("puppet").resolve(source.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
            try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
                git.add().addFilepattern(".").call();
                git.commit().setMessage("sample manifests").setAuthor("t", "t@example.invalid").setCommitter("t", "t@example.invalid").call();
            }
            return repo;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An environment whose compute hosts carry nova_compute and whose named hosts carry control roles. */
    public static EnvironmentFile environment(Path repo, String computeHosts, String controlHost) {
        return EnvironmentFile.parse("""
                name: qe
                cells:
                  - name: c1
                    hosts: ["%s"]
                credentials:
                  rabbit-password: {env: QE_RABBIT_PASSWORD}
                puppet:
                  repo: %s
                  ref: main
                  path: puppet
                  roles:
                    - {role: keystone, hosts: [%s]}
                    - {role: nova_compute, compute: true}
                  hiera:
                    inception::endpoints:
                      keystone: http://keystone.qe:5000/v3
                      glance: http://glance.qe:9292
                      nova: http://nova.qe:8774
                  secrets:
                    inception::secrets::rabbit_password: rabbit-password
                """.formatted(computeHosts, repo, controlHost), "qe.yaml").orElseThrow();
    }
}
