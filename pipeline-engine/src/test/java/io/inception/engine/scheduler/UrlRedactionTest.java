package io.inception.engine.scheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlRedactionTest {
    @Test
    void masksThePasswordAndKeepsTheUser() {
        assertThat(UrlRedaction.redact("https://user:pw@host/repo.git"))
                .isEqualTo("https://user:***@host/repo.git");
        assertThat(UrlRedaction.redact("fetch ssh://git:t0ken@git.example:2222/x failed; retry https://a:b@c/d"))
                .isEqualTo("fetch ssh://git:***@git.example:2222/x failed; retry https://a:***@c/d");
    }

    @Test
    void leavesUrlsWithoutPasswordAlone() {
        assertThat(UrlRedaction.redact("https://user@host/repo.git")).isEqualTo("https://user@host/repo.git");
        assertThat(UrlRedaction.redact("https://host:8443/repo.git")).isEqualTo("https://host:8443/repo.git");
        assertThat(UrlRedaction.redact("/srv/git/trunk.git")).isEqualTo("/srv/git/trunk.git");
        assertThat(UrlRedaction.redact((String) null)).isNull();
    }

    @Test
    void masksTheKnownPasswordWhereverTheMessageRepeatsIt() {
        String url = "https://deploy:p%40ss-w0rd@git.example/trunk.git";
        String message = "not authorized: deploy/p@ss-w0rd rejected for https://deploy:p%40ss-w0rd@git.example/trunk.git";
        assertThat(UrlRedaction.redact(message, url))
                .doesNotContain("p@ss-w0rd").doesNotContain("p%40ss-w0rd")
                .contains("https://deploy:***@git.example/trunk.git");
    }
}
