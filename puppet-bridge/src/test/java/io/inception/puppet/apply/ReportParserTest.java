package io.inception.puppet.apply;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports recorded from Debian's Puppet 7.23 ({@code puppet apply} in the project's image). */
class ReportParserTest {
    static String report(String name) throws IOException {
        try (InputStream in = ReportParserTest.class.getResourceAsStream("/reports/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aFailedRunNamesTheFailedResourceAndPuppetsMessage() throws IOException {
        PuppetReport r = ReportParser.parse(report("failed.yaml"), s -> s);
        assertThat(r.status()).isEqualTo("failed");
        assertThat(r.puppetVersion()).isEqualTo("7.23.0");
        assertThat(r.noop()).isFalse();
        assertThat(r.changed()).extracting(ResourceStatus::resource).containsExactly("File[/tmp/a]");
        assertThat(r.failed()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("Service[nova-compute]");
            assertThat(f.messages()).containsExactly("change from 'stopped' to 'running' failed: Could not find init script for 'nova-compute'");
            assertThat(f.file()).isEqualTo("/e/f.pp");
            assertThat(f.line()).isEqualTo(2);
        });
        assertThat(r.errors()).contains("/Stage[main]/Main/Service[nova-compute]/ensure: change from 'stopped' to 'running' failed: Could not find init script for 'nova-compute'");
        assertThat(PuppetRunner.summarise("h1", 6, r, false).message())
                .isEqualTo("failed: Service[nova-compute]: change from 'stopped' to 'running' failed: Could not find init script for 'nova-compute'");
    }

    @Test
    void aNoopRunListsWhatWouldChangeWithoutCountingItAsChanged() throws IOException {
        PuppetReport r = ReportParser.parse(report("noop-drift.yaml"), s -> s);
        assertThat(r.noop()).isTrue();
        assertThat(r.changed()).isEmpty();
        assertThat(r.outOfSync()).singleElement().satisfies(d -> {
            assertThat(d.resource()).isEqualTo("File[/tmp/a]");
            assertThat(d.messages()).singleElement().asString().startsWith("current_value '{sha256}3bb2abb6").endsWith("(noop)");
        });
        HostApply drift = PuppetRunner.summarise("h1", 0, r, true);
        assertThat(drift.status()).isEqualTo(HostApply.Status.CHANGED);
        assertThat(drift.message()).isEqualTo("1 resource(s) would change: File[/tmp/a]");
    }

    @Test
    void anUnchangedRunHasNothingOutOfSync() throws IOException {
        PuppetReport r = ReportParser.parse(report("unchanged.yaml"), s -> s);
        assertThat(r.status()).isEqualTo("unchanged");
        assertThat(r.resources()).isEmpty();
        assertThat(PuppetRunner.summarise("h1", 0, r, false).status()).isEqualTo(HostApply.Status.UNCHANGED);
    }

    @Test
    void messagesAreScrubbedAndRubyTagsAnywhereAreRead() {
        String yaml = """
                --- !ruby/object:Puppet::Transaction::Report
                host: h1
                status: !ruby/sym failed
                resource_statuses:
                  Exec[db-sync]: !ruby/object:Puppet::Resource::Status
                    failed: true
                    events:
                    - !ruby/object:Puppet::Transaction::Event
                      message: "mysql -p hunter2 returned 1"
                      desired_value: !binary |-
                        aHVudGVyMg==
                """;
        PuppetReport r = ReportParser.parse(yaml, s -> s.replace("hunter2", "***"));
        assertThat(r.failed()).singleElement().extracting(ResourceStatus::describe).isEqualTo("Exec[db-sync]: mysql -p *** returned 1");
    }

    @Test
    void somethingElseIsNotAReport() {
        assertThatThrownBy(() -> ReportParser.parse("just: text\n", s -> s)).hasMessage("not a Puppet report: no resource_statuses");
        assertThatThrownBy(() -> ReportParser.parse("a: [b\n", s -> s)).hasMessageStartingWith("not valid report YAML");
    }
}
