package io.inception.packaging.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A tiny nova look-alike, the shape of the demo's sample trunk, and the project's real specs. */
public final class SampleTree {
    private SampleTree() {
    }

    /** Writes the sample tree with {@code nova/version.py} saying {@code version}. */
    public static Path write(Path dir, String version, int maxBuildRetries) throws IOException {
        write(dir, "README.rst", "nova (sample trunk)\n");
        write(dir, "nova/__init__.py", "");
        write(dir, "nova/version.py", "VERSION = '" + version + "'\n");
        write(dir, "nova/compute/manager.py", """
                class ComputeManager:
                    max_build_retries = %d

                    def build_and_run_instance(self, instance):
                        return self.driver.spawn(instance)
                """.formatted(maxBuildRetries));
        write(dir, "nova/virt/xenapi/vm_operations.py", "class VMOps:\n    pass\n");
        write(dir, "nova/notifications/billing.py", "def usage_event(instance):\n    return {}\n");
        write(dir, "tests/run.sh", "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(dir.resolve("tests/run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        // what a test run leaves behind; never packaged
        write(dir, "nova/__pycache__/version.cpython-311.pyc", "junk");
        return dir;
    }

    /** The project's package specs folder ({@code environments/packages}). */
    public static Path specsDirectory() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("environments/packages");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("environments/packages not found above " + here);
    }

    private static void write(Path dir, String rel, String content) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }
}
