package io.inception.puppet.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.inception.engine.config.CredentialRef;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.store.EngineJson;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.manifests.ManifestTree;
import io.inception.puppet.node.Credentials;
import io.inception.puppet.node.HieraRenderer;
import io.inception.puppet.node.PuppetNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder a manifest test runs in: the manifests at the pinned commit under {@code tree/}, each
 * role's Hiera under {@code roles/<role>/} (rendered from the environment's {@code puppet:} section,
 * the credentials replaced by a stand-in so that no secret enters the test), {@code roles.list} and
 * the script; and, once Puppet ran, the {@link ManifestTestReport} read back from {@code results/}.
 */
final class ManifestWorkspace {
    static final String SCRIPT = "manifest-test.sh";
    static final String RESULTS = "results";
    /** What every secret Hiera key holds during a compile. */
    static final String STAND_IN = "manifest-test-stand-in";
    private static final String STAND_IN_VARIABLE = "INCEPTION_MANIFEST_TEST_STAND_IN";

    private ManifestWorkspace() {
    }

    /**
     * The roles to compile: the environment's, in its order, then every other {@code role::} class the
     * manifests define ({@code modules/role/manifests/<role>.pp}), so a role not yet assigned is tested too.
     */
    static List<String> roles(PuppetConfig config, ManifestTree tree) {
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        config.roles().forEach(r -> roles.add(r.role()));
        for (String path : tree.manifests()) {
            if (path.startsWith("modules/role/manifests/") && path.indexOf('/', "modules/role/manifests/".length()) < 0) {
                String role = path.substring("modules/role/manifests/".length(), path.length() - 3);
                if (role.matches("[a-z][a-z0-9_]*")) roles.add(role);
            }
        }
        return List.copyOf(roles);
    }

    /** Writes the workspace into {@code dir} (empty or missing). */
    static void write(Path dir, PuppetConfig config, ManifestTree tree, List<String> roles, List<String> cells,
                      Map<String, Object> build) {
        try {
            Path treeDir = dir.resolve("tree");
            for (Map.Entry<String, byte[]> f : tree.files().entrySet()) {
                Path target = treeDir.resolve(f.getKey()).normalize();
                if (!target.startsWith(treeDir)) continue;
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            HieraRenderer renderer = new HieraRenderer(config, standInCredentials(config));
            StringBuilder list = new StringBuilder();
            for (String role : roles) {
                String cell = config.roles().stream().filter(r -> r.role().equals(role)).map(PuppetConfig.RoleAssignment::cell)
                        .flatMap(Optional::stream).findFirst().orElse(cells.isEmpty() ? "" : cells.get(0));
                String node = nodeName(role);
                PuppetNode puppetNode = new PuppetNode(new HostTarget(node, cell, "127.0.0.1", 22), List.of("role::" + role));
                for (Map.Entry<String, byte[]> f : renderer.hieraFiles(puppetNode, build).entrySet()) {
                    Path target = dir.resolve("roles").resolve(role).resolve(f.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, f.getValue());
                }
                list.append(role).append(' ').append(node).append('\n');
            }
            Files.writeString(dir.resolve("roles.list"), list.toString());
            try (InputStream script = ManifestWorkspace.class.getResourceAsStream(SCRIPT)) {
                Files.write(dir.resolve(SCRIPT), script.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest test's folder " + dir, e);
        }
    }

    /** {@code manifest-test-nova-api}: a valid host and certificate name for the role's node. */
    static String nodeName(String role) {
        return "manifest-test-" + role.replace('_', '-');
    }

    private static Credentials standInCredentials(PuppetConfig config) {
        Map<String, CredentialRef> refs = new LinkedHashMap<>();
        config.secrets().values().forEach(name -> refs.put(name, new CredentialRef(name, CredentialRef.Source.ENV, STAND_IN_VARIABLE)));
        return new Credentials(refs, variable -> STAND_IN);
    }

    /** Whether Puppet was found where the script ran. */
    static boolean puppetMissing(Path results) {
        return Files.exists(results.resolve("no-puppet"));
    }

    /**
     * The report from the script's {@code results/} folder.
     *
     * @param results the collected {@code results/} folder
     */
    static ManifestTestReport read(Path results, ManifestTree tree, List<String> roles, String runner) {
        String root = text(results.resolve("tree-root")).strip();
        List<String> validated = text(results.resolve("validated")).lines().filter(l -> !l.isBlank())
                .map(l -> l.startsWith(root + "/") ? l.substring(root.length() + 1) : l).toList();
        List<ManifestProblem> syntax = PuppetErrors.all(text(results.resolve("validate.log")), root);
        String validateExit = text(results.resolve("validate.exit")).strip();
        if (syntax.isEmpty() && !validateExit.equals("0")) {
            syntax = List.of(PuppetErrors.compile(text(results.resolve("validate.log")), root, parse(validateExit)));
        }
        List<RoleCompile> compiles = new ArrayList<>();
        if (syntax.isEmpty()) {
            for (String role : roles) {
                Path exit = results.resolve(role + ".exit");
                if (!Files.exists(exit)) {
                    compiles.add(new RoleCompile(role, false, 0, new ManifestProblem(null, 0, 0, "not compiled: the test stopped before this role")));
                    continue;
                }
                int code = parse(text(exit).strip());
                if (code == 0) {
                    Optional<Integer> resources = resources(results.resolve(role + ".catalog.json"));
                    compiles.add(resources.map(n -> new RoleCompile(role, true, n, null)).orElseGet(() -> new RoleCompile(role, false, 0,
                            new ManifestProblem(null, 0, 0, "puppet exited 0 but wrote no readable catalog"))));
                } else {
                    compiles.add(new RoleCompile(role, false, 0, PuppetErrors.compile(text(results.resolve(role + ".compile.log")), root, code)));
                }
            }
        }
        String version = text(results.resolve("puppet-version")).strip();
        return new ManifestTestReport(tree.commit(), runner, version.isEmpty() ? "unknown" : version, validated, syntax, compiles);
    }

    /**
     * The number of resources of a catalog {@code puppet catalog find --render-as json} wrote; Puppet's
     * console messages ({@code Notice: Compiled catalog ...}) come first on the same output.
     */
    static Optional<Integer> resources(Path catalog) {
        String text = text(catalog);
        int start = text.startsWith("{") ? 0 : text.indexOf("\n{") + 1;
        if (start == 0 && !text.startsWith("{")) return Optional.empty();
        try {
            JsonNode node = EngineJson.mapper().readTree(text.substring(start)).path("resources");
            return node.isArray() ? Optional.of(node.size()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int parse(String exit) {
        try {
            return Integer.parseInt(exit);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String text(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
