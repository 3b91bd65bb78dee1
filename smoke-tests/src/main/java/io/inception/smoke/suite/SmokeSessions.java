package io.inception.smoke.suite;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of the runs going on in this process, by key. The launcher hands the tests only
 * strings (configuration parameters), so the suite registers its session here under a key it
 * passes as {@link #KEY}, and {@link SmokeContext} finds it again for each test.
 */
public final class SmokeSessions {
    /** The configuration parameter that names the run's session. */
    public static final String KEY = "inception.smoke.session";

    private static final Map<String, SmokeSession> SESSIONS = new ConcurrentHashMap<>();

    private SmokeSessions() {
    }

    public static void register(String key, SmokeSession session) {
        if (SESSIONS.putIfAbsent(key, session) != null) throw new IllegalStateException("smoke session " + key + " exists");
    }

    public static void remove(String key) {
        SESSIONS.remove(key);
    }

    public static Optional<SmokeSession> find(String key) {
        return Optional.ofNullable(SESSIONS.get(key));
    }
}
