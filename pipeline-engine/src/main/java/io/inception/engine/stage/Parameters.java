package io.inception.engine.stage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed access to a stage's parameters. */
public final class Parameters {
    private final String stage;
    private final Map<String, Object> values;

    public Parameters(String stage, Map<String, Object> values) {
        this.stage = stage;
        this.values = Map.copyOf(values);
    }

    public String string(String name) {
        return required(name, String.class);
    }

    public Optional<String> optionalString(String name) {
        return optional(name, String.class);
    }

    public long number(String name) {
        return required(name, Number.class).longValue();
    }

    public boolean bool(String name, boolean fallback) {
        return optional(name, Boolean.class).orElse(fallback);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        return optional(name, List.class).map(l -> (List<Object>) l).orElse(List.of());
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public <T> T required(String name, Class<T> type) {
        return optional(name, type).orElseThrow(() -> new IllegalArgumentException(
                "stage '" + stage + "': parameter '" + name + "' is required"));
    }

    public <T> Optional<T> optional(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) return Optional.empty();
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("stage '" + stage + "': parameter '" + name + "' must be "
                    + type.getSimpleName().toLowerCase() + ", got " + v.getClass().getSimpleName().toLowerCase());
        }
        return Optional.of(type.cast(v));
    }
}
