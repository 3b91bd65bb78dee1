package io.inception.puppet.node;

import io.inception.engine.merge.Secret;
import io.inception.puppet.config.PuppetConfig;
import io.inception.puppet.manifests.ManifestTree;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a node's bundle: its classification and Hiera data from the environment's
 * {@code puppet:} section and the build. Secrets (credentials by reference) are resolved here,
 * written only to {@code secrets.yaml} (mode 0600, under a folder made with umask 077), and
 * declared {@code Sensitive} through {@code lookup_options} so Puppet redacts them in its logs and
 * reports.
 */
public final class HieraRenderer {
    static final String HIERA = """
            ---
            # Written by Inception for this node and run; do not edit on the node.
            version: 5
            defaults:
              datadir: data
              data_hash: yaml_data
            hierarchy:
              - name: node
                path: node.yaml
              - name: secrets
                path: secrets.yaml
              - name: environment and build
                path: common.yaml
            """;

    private final PuppetConfig config;
    private final Credentials credentials;

    public HieraRenderer(PuppetConfig config, Credentials credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /**
     * The bundle for {@code node}.
     *
     * @param build Hiera values of the build and environment ({@code inception::build::version}, ...)
     */
    public NodeBundle bundle(PuppetNode node, ManifestTree tree, Map<String, Object> build) {
        Map<String, Tarball.Entry> files = new TreeMap<>();
        tree.files().forEach((path, content) -> files.put(path, new Tarball.Entry(content, 0644)));
        List<Secret> secrets = new ArrayList<>();
        hiera(node, build, secrets).forEach((path, content) ->
                files.put(path, new Tarball.Entry(content, path.endsWith(SECRETS) ? 0600 : 0644)));
        return new NodeBundle(node, tree, Tarball.gzip(files), secrets);
    }

    /**
     * The node's Hiera alone, by path relative to the manifest folder ({@code inception/hiera.yaml},
     * {@code inception/data/node.yaml}, {@code common.yaml}, {@code secrets.yaml}): what a catalog
     * compile of the node needs next to the manifests.
     */
    public Map<String, byte[]> hieraFiles(PuppetNode node, Map<String, Object> build) {
        return hiera(node, build, new ArrayList<>());
    }

    private static final String SECRETS = "/secrets.yaml";

    private Map<String, byte[]> hiera(PuppetNode node, Map<String, Object> build, List<Secret> secrets) {
        Map<String, Object> nodeData = new LinkedHashMap<>();
        nodeData.put("classes", node.classes());
        nodeData.put("inception::node::name", node.host().name());
        nodeData.put("inception::node::cell", node.host().cell());
        Map<String, Object> common = new LinkedHashMap<>(config.hiera());
        common.putAll(build);
        Map<String, Object> secretData = new LinkedHashMap<>();
        Map<String, Object> lookupOptions = new LinkedHashMap<>();
        config.secrets().forEach((key, credential) -> {
            Secret value = credentials.value(credential);
            secrets.add(value);
            secretData.put(key, value.reveal());
            lookupOptions.put(key, Map.of("convert_to", "Sensitive"));
        });
        if (!lookupOptions.isEmpty()) common.put("lookup_options", lookupOptions);
        Map<String, byte[]> files = new TreeMap<>();
        files.put("inception/hiera.yaml", HIERA.getBytes(StandardCharsets.UTF_8));
        files.put("inception/data/node.yaml", yaml(nodeData));
        files.put("inception/data/common.yaml", yaml(common));
        files.put("inception/data" + SECRETS, yaml(secretData));
        return files;
    }

    private static byte[] yaml(Map<String, Object> data) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(true);
        return new Yaml(options).dump(data).getBytes(StandardCharsets.UTF_8);
    }
}
