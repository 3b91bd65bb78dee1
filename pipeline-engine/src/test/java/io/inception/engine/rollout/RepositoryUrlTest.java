package io.inception.engine.rollout;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A previous release is offered only from the repository the hosts read now: lines are compared by their URL. */
class RepositoryUrlTest {
    @Test
    void theUrlOfADebLineWithOrWithoutOptions() {
        assertThat(RolloutEngine.repositoryUrl("deb [signed-by=/etc/apt/keyrings/inception.asc] http://127.0.0.1:8480/apt/ builds/b-1 main"))
                .isEqualTo("http://127.0.0.1:8480/apt");
        assertThat(RolloutEngine.repositoryUrl("deb http://127.0.0.1:8480/apt staging main")).isEqualTo("http://127.0.0.1:8480/apt");
        assertThat(RolloutEngine.repositoryUrl("  deb [trusted=yes] file:/srv/mirror ./")).isEqualTo("file:/srv/mirror");
        assertThat(RolloutEngine.repositoryUrl("deb http://127.0.0.1:1/apt staging main"))
                .isNotEqualTo(RolloutEngine.repositoryUrl("deb http://127.0.0.1:2/apt staging main"));
    }
}
