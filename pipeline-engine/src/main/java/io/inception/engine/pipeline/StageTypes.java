package io.inception.engine.pipeline;

import io.inception.engine.config.ParamSpec;
import io.inception.engine.config.ParamType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The catalogue of stage types the validator and the pipeline loader accept. Immutable: adding a
 * type returns a new catalogue. Later modules register types in code
 * ({@code StageTypes.builtIn().with(StageType.of("package", ...))}) or through
 * {@link StageTypeProvider} and {@link #discover()}.
 */
public final class StageTypes {
    /** The merge train. */
    public static final StageType MERGE = StageType.of("merge",
            "Merge trunk with the custom branches in order and push the candidate",
            new ParamSpec("branches-file", ParamType.STRING, false, "environments/branches.yaml", null,
                    "branches.yaml that lists trunk and the custom branches, relative to the pipeline repository"),
            ParamSpec.oneOf("on-conflict", "fail", "skip").withDefault("skip")
                    .withDescription("fail: push nothing and fail; skip: leave the branch out and merge the rest"),
            ParamSpec.optional("push", ParamType.STRING)
                    .withDescription("URL#ref the merged candidate is pushed to"));

    /** The merged candidate's own unit tests. */
    public static final StageType UNIT_TEST = StageType.of("unit-test",
            "Run the repository's test command (branches.yaml test.command) in a fresh checkout of the candidate",
            new ParamSpec("branches-file", ParamType.STRING, false, "environments/branches.yaml", null,
                    "branches.yaml whose test: block names the command, relative to the pipeline repository"),
            ParamSpec.optional("command", ParamType.STRING)
                    .withDescription("the test command; overrides branches.yaml test.command"),
            ParamSpec.optional("junit", ParamType.STRING)
                    .withDescription("glob of the JUnit XML files the command writes; overrides test.junit"),
            ParamSpec.optional("timeout", ParamType.DURATION)
                    .withDescription("how long the test command may run; default test.timeout, else 20m"));

    private final Map<String, StageType> types;

    private StageTypes(Map<String, StageType> types) {
        this.types = Collections.unmodifiableMap(types);
    }

    /** An empty catalogue. */
    public static StageTypes empty() {
        return new StageTypes(new LinkedHashMap<>());
    }

    /** The types pipeline-engine runs itself: {@code merge} and {@code unit-test}. */
    public static StageTypes builtIn() {
        return empty().with(MERGE).with(UNIT_TEST);
    }

    /** The built-in types plus every type from {@link StageTypeProvider}s on the class path. */
    public static StageTypes discover() {
        StageTypes all = builtIn();
        for (StageTypeProvider provider : ServiceLoader.load(StageTypeProvider.class)) {
            for (StageType type : provider.stageTypes()) all = all.with(type);
        }
        return all;
    }

    /** A new catalogue with {@code type} added; a second type of the same name is a bug. */
    public StageTypes with(StageType type) {
        if (types.containsKey(type.name())) {
            throw new IllegalArgumentException("stage type '" + type.name() + "' is registered twice");
        }
        Map<String, StageType> copy = new LinkedHashMap<>(types);
        copy.put(type.name(), type);
        return new StageTypes(copy);
    }

    public Optional<StageType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** Names in registration order. */
    public Set<String> names() {
        return types.keySet();
    }
}
