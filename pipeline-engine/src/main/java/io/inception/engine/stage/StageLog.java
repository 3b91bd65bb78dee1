package io.inception.engine.stage;

/** A stage's log: lines stored with the stage run and shown by {@code inception runs show}. */
public interface StageLog {
    void info(String message);

    void warn(String message);

    void error(String message);
}
