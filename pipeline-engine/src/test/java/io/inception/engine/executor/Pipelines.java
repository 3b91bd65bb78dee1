package io.inception.engine.executor;

import io.inception.engine.model.PipelineDef;
import io.inception.engine.model.RetryPolicy;
import io.inception.engine.model.StageDef;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Pipeline definitions for tests. */
final class Pipelines {
    private Pipelines() {
    }

    static StageDef stage(String name, String type) {
        return new StageDef(name, type, Map.of(), null, RetryPolicy.NONE, "test");
    }

    static StageDef stage(String name, String type, Map<String, Object> params) {
        return new StageDef(name, type, params, null, RetryPolicy.NONE, "test");
    }

    static StageDef withRetry(StageDef s, int attempts) {
        return new StageDef(s.name(), s.type(), s.params(), s.timeout(),
                new RetryPolicy(attempts, Duration.ofMillis(20), Duration.ofMillis(100), 0.5), s.source());
    }

    static StageDef withTimeout(StageDef s, Duration timeout) {
        return new StageDef(s.name(), s.type(), s.params(), timeout, s.retry(), s.source());
    }

    static PipelineDef pipeline(String name, StageDef... stages) {
        return new PipelineDef(name, List.of(stages), "file:///environments", "c0ffee", "pipelines/" + name + ".yaml");
    }
}
