package io.inception.packaging.build;

import io.inception.packaging.deb.Digests;
import io.inception.packaging.testing.DebianHost;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The project's Debian image: tagged with its recipe's hash, cached, and holding what the tests need. */
class ProjectImageIT {
    private static String imageId(String tag) throws Exception {
        var r = io.inception.packaging.testing.Processes.run(Path.of("."), "docker", "image", "inspect", "-f", "{{.Id}}", tag);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output().strip();
    }

    @Test
    void isTaggedWithItsRecipeHashReusedAndHasTheTestTools() throws Exception {
        Path root = ProjectImage.findRepositoryRoot(Path.of(""));
        ByteArrayOutputStream recipe = new ByteArrayOutputStream();
        recipe.writeBytes(Files.readAllBytes(root.resolve("docker/debian-image/build.sh")));
        recipe.writeBytes(Files.readAllBytes(root.resolve("docker/debian-image/Dockerfile")));
        String hash = Digests.hex("SHA-256", recipe.toByteArray()).substring(0, 12);

        String first = DebianHost.image();
        assertThat(first).isEqualTo("inception/debian:12-" + hash);
        String id = imageId(first);
        assertThat(ProjectImage.ensure(root)).isEqualTo(first);
        assertThat(imageId(first)).as("cached: the same image, not rebuilt").isEqualTo(id);

        try (DebianHost host = DebianHost.start()) {
            assertThat(host.ok("cat /etc/debian_version")).startsWith("12.");
            String status = host.ok("dpkg-query -W -f='${Package} ${Status}\\n' openssh-server python3 sudo ca-certificates puppet");
            assertThat(status.lines()).hasSize(5).allMatch(l -> l.endsWith("install ok installed"));
            assertThat(host.ok("puppet --version")).startsWith("7.");
        }
    }
}
