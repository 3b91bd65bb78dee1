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
        Map<String, Object> nodeData = new LinkedHashMap<>();
        nodeData.put("classes", node.classes());
        nodeData.put("inception::node::name", node.host().name());
        nodeData.put("inception::node::cell", node.host().cell());
        Map<String, Object> common = new LinkedHashMap<>(config.hiera());
        common.putAll(build);
        Map<String, Object> secretData = new LinkedHashMap<>();
        List<Secret> secrets = new ArrayList<>();
        Map<String, Object> lookupOptions = new LinkedHashMap<>();
        config.secrets().forEach((key, credential) -> {
            Secret value = credentials.value(credential);
            secrets.add(value);
            secretData.put(key, value.reveal());
            lookupOptions.put(key, Map.of("convert_to", "Sensitive"));
        });
        if (!lookupOptions.isEmpty()) common.put("lookup_options", lookupOptions);
        files.put("inception/hiera.yaml", new Tarball.Entry(HIERA.getBytes(StandardCharsets.UTF_8), 0644));
        files.put("inception/data/node.yaml", new Tarball.Entry(yaml(nodeData), 0644));
        files.put("inception/data/common.yaml", new Tarball.Entry(yaml(common), 0644));
        files.put("inception/data/secrets.yaml", new Tarball.Entry(yaml(secretData), 0600));
        return new NodeBundle(node, tree, Tarball.gzip(files), secrets);
    }

    private static byte[] yaml(Map<String, Object> data) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(true);
        return new Yaml(options).dump(data).getBytes(StandardCharsets.UTF_8);
    }
}
