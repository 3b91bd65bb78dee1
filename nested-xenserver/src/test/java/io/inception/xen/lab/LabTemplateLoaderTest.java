package io.inception.xen.lab;

import io.inception.engine.config.ConfigError;
import io.inception.engine.config.Parsed;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LabTemplateLoaderTest {
    @Test
    void theShippedTemplatesLoad() {
        Map<String, LabTemplate> all = LabTemplateLoader.loadAll(Path.of("../environments/labs"));
        assertThat(all).containsKeys("nested-3", "single-host");
        LabTemplate t = all.get("nested-3");
        assertThat(t.hosts().count()).isEqualTo(3);
        assertThat(t.hosts().memoryBytes()).isEqualTo(8L << 30);
        assertThat(t.memoryBytes()).isEqualTo(26L << 30);
        assertThat(t.poolJoin()).isTrue();
        assertThat(t.pools()).containsExactly("sandbox");
    }

    @Test
    void errorsNameFileLineColumnAndField() {
        String yaml = """
                name: broken
                hosts:
                  count: 99
                  memory: lots
                  cpus: 2
                control-plane:
                  - template: Debian
                pools: [sandbox]
                """;
        Parsed<LabTemplate> p = LabTemplateLoader.parse(yaml, "labs/broken.yaml");
        assertThat(p.value()).isNull();
        assertThat(p.errors()).extracting(ConfigError::format).anySatisfy(e ->
                assertThat(e).contains("labs/broken.yaml:3:10", "hosts.count", "1 to 16"));
        assertThat(p.errors()).extracting(ConfigError::field)
                .contains("hosts.count", "hosts.memory", "hosts.cpus", "control-plane[0].name");
        assertThat(p.errors()).filteredOn(e -> e.field().equals("hosts.memory"))
                .allSatisfy(e -> assertThat(e.line()).isEqualTo(4));
    }
}
