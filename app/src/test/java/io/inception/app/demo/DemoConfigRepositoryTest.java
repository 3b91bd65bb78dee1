package io.inception.app.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's copy of the shipped pipeline leaves the manifest test out, comment lines included. */
class DemoConfigRepositoryTest {
    @Test
    void aStageAndTheCommentAboveItAreCutOutAndTheRestKept() {
        String pipeline = """
                stages:
                  - name: unit-test
                    type: unit-test
                  # the manifests' unit test
                  # (two comment lines)
                  - name: manifest-test
                    type: puppet-validate
                    timeout: 30m
                  - name: package
                    type: package
                  # QE deploy
                  - name: provision
                    type: provision
                """;
        assertThat(DemoConfigRepository.withoutStage(pipeline, "manifest-test")).isEqualTo("""
                stages:
                  - name: unit-test
                    type: unit-test
                  - name: package
                    type: package
                  # QE deploy
                  - name: provision
                    type: provision
                """);
        assertThat(DemoConfigRepository.withoutStage(pipeline, "provision")).endsWith("""
                  - name: package
                    type: package
                """);
        assertThat(DemoConfigRepository.withoutStage(pipeline, "nothing")).isEqualTo(pipeline);
    }
}
