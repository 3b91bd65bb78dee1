package io.inception.engine.executor;

import io.inception.engine.stage.Stage;
import io.inception.engine.stage.StageContext;
import io.inception.engine.stage.StageResult;

import java.util.concurrent.atomic.AtomicInteger;

/** A stage whose body is a lambda, counting its calls. */
final class TestStage implements Stage {
    interface Body {
        StageResult execute(StageContext context) throws Exception;
    }

    private final String type;
    private final Body body;
    final AtomicInteger calls = new AtomicInteger();

    private TestStage(String type, Body body) {
        this.type = type;
        this.body = body;
    }

    static TestStage of(String type, Body body) {
        return new TestStage(type, body);
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public StageResult execute(StageContext context) throws Exception {
        calls.incrementAndGet();
        return body.execute(context);
    }
}
