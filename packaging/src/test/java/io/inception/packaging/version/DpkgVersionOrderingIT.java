package io.inception.packaging.version;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java ordering against the real {@code dpkg --compare-versions} on generated pairs. */
class DpkgVersionOrderingIT {
    private static final int PAIRS = 1500;

    @Test
    void agreesWithDpkgOnGeneratedPairs() throws Exception {
        List<String[]> pairs = new VersionPairs(20261127L).generate(PAIRS);
        assertThat(pairs.stream().filter(p -> p[0].contains(":")).count()).as("pairs with epochs").isGreaterThan(100);
        assertThat(pairs.stream().filter(p -> p[0].contains("~")).count()).as("pairs with tildes").isGreaterThan(100);
        assertThat(pairs.stream().filter(p -> p[0].matches(".*[a-zA-Z].*")).count()).as("with letters").isGreaterThan(100);

        List<Integer> dpkg = dpkgVerdicts(pairs);
        assertThat(dpkg).hasSize(PAIRS);
        List<String> disagreements = new ArrayList<>();
        int less = 0, equal = 0, greater = 0;
        for (int i = 0; i < PAIRS; i++) {
            String a = pairs.get(i)[0], b = pairs.get(i)[1];
            int java = Integer.signum(DebianVersion.parse(a).compareTo(DebianVersion.parse(b)));
            if (java != dpkg.get(i)) disagreements.add(a + " vs " + b + ": java " + java + ", dpkg " + dpkg.get(i));
            if (dpkg.get(i) < 0) less++; else if (dpkg.get(i) == 0) equal++; else greater++;
        }
        assertThat(disagreements).isEmpty();
        assertThat(less).as("pairs dpkg sorts lower").isGreaterThan(200);
        assertThat(greater).as("pairs dpkg sorts higher").isGreaterThan(200);
        assertThat(equal).as("pairs dpkg finds equal").isGreaterThan(100);
    }

    /** One shell loop over a file of pairs: -1, 0 or 1 per line, as dpkg sees it. */
    private static List<Integer> dpkgVerdicts(List<String[]> pairs) throws IOException, InterruptedException {
        Path input = Files.createTempFile("pairs", ".txt");
        try {
            StringBuilder sb = new StringBuilder();
            for (String[] p : pairs) sb.append(p[0]).append(' ').append(p[1]).append('\n');
            Files.writeString(input, sb, StandardCharsets.UTF_8);
            String script = "while read -r a b; do "
                    + "if dpkg --compare-versions \"$a\" lt \"$b\"; then echo -1; "
                    + "elif dpkg --compare-versions \"$a\" eq \"$b\"; then echo 0; else echo 1; fi; done < \"$1\"";
            Process p = new ProcessBuilder("sh", "-c", script, "sh", input.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("dpkg loop finished").isTrue();
            assertThat(p.exitValue()).isZero();
            return out.lines().map(Integer::parseInt).toList();
        } finally {
            Files.deleteIfExists(input);
        }
    }
}
