package io.inception.xen.api;

import io.inception.engine.merge.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in XenAPI session. Every call carries the session reference; when the pool answers
 * {@code SESSION_INVALID} the session logs in again once and repeats the call.
 */
public final class XenSession implements AutoCloseable {
    static final String API_VERSION = "2.15";
    private static final Pattern VALUE = Pattern.compile("^\\s*<value>(.*)</value>\\s*$", Pattern.DOTALL);
    private final XmlRpcTransport transport;
    private final String user;
    private final Secret password;
    private final Clock clock;
    private volatile String sessionRef;
    private volatile int logins;

    XenSession(XmlRpcTransport transport, String user, Secret password, Clock clock) {
        this.transport = transport;
        this.user = user;
        this.password = password;
        this.clock = clock;
    }

    void login() {
        sessionRef = String.valueOf(transport.call("session.login_with_password", user, password.reveal(),
                API_VERSION, "inception"));
        logins++;
    }

    /** How many times this session logged in (1 + the re-logins after SESSION_INVALID). */
    public int logins() {
        return logins;
    }

    /** Calls {@code method} with the session reference first, then {@code args}. */
    public Object call(String method, Object... args) {
        try {
            return transport.call(method, withSession(args));
        } catch (XenApiException e) {
            if (!"SESSION_INVALID".equals(e.code())) {
                throw e;
            }
            login();
            return transport.call(method, withSession(args));
        }
    }

    private Object[] withSession(Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = sessionRef;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }

    /** Starts {@code Async.<method>} and waits for its task; returns the task's result value ("" for void). */
    public String callAsync(Duration timeout, String method, Object... args) {
        String task = startAsync(method, args);
        try {
            return awaitTask(task, timeout);
        } finally {
            try {
                call("task.destroy", task);
            } catch (XenApiException ignored) {
                // the task record is only housekeeping
            }
        }
    }

    /** Starts {@code Async.<method>} and returns its task reference without waiting. */
    public String startAsync(String method, Object... args) {
        return String.valueOf(call("Async." + method, args));
    }

    /** Asks the pool to cancel a pending task; {@link #awaitTask} then fails with {@code TASK_CANCELLED}. */
    public void cancelTask(String task) {
        call("task.cancel", task);
    }

    /** The task's progress from 0.0 to 1.0. */
    public double taskProgress(String task) {
        return Double.parseDouble(String.valueOf(call("task.get_progress", task)));
    }

    /** Waits for a task through event.from; returns its result or throws its error. */
    public String awaitTask(String task, Duration timeout) {
        Map<String, Object> record = awaitRecord("task", task, r -> !"pending".equals(r.get("status")), timeout,
                "task " + task);
        String status = String.valueOf(record.get("status"));
        if ("success".equals(status)) {
            Matcher m = VALUE.matcher(String.valueOf(record.getOrDefault("result", "")));
            return m.matches() ? m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") : "";
        }
        List<String> error = new ArrayList<>();
        if (record.get("error_info") instanceof Object[] a) {
            for (Object o : a) {
                error.add(String.valueOf(o));
            }
        }
        if (error.isEmpty()) {
            error.add("TASK_" + status.toUpperCase(java.util.Locale.ROOT));
        }
        throw XenApiException.of(error);
    }

    /**
     * Waits until the record of {@code ref} satisfies {@code done}, following event.from (no polling
     * loop with sleeps); throws a timeout that names {@code what} was awaited.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> awaitRecord(String cls, String ref, Predicate<Map<String, Object>> done,
                                           Duration timeout, String what) {
        Instant deadline = clock.instant().plus(timeout);
        Map<String, Object> current = (Map<String, Object>) call(cls + ".get_record", ref);
        String classes = cls.toLowerCase(java.util.Locale.ROOT) + "/" + ref;
        Map<String, Object> first = (Map<String, Object>) call("event.from", new Object[] {classes}, "", 0.0);
        String token = String.valueOf(first.get("token"));
        // the record as of the token, so that no change between the two calls is missed
        for (Object e : (Object[]) first.get("events")) {
            if (((Map<String, Object>) e).get("snapshot") instanceof Map<?, ?> snap) {
                current = (Map<String, Object>) snap;
            }
        }
        while (!done.test(current)) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw XenApiException.timeout(what + " not done after " + timeout.toSeconds() + " s");
            }
            double wait = Math.min(left.toMillis(), 5_000) / 1000.0;
            Map<String, Object> batch = (Map<String, Object>) call("event.from",
                    new Object[] {classes}, token, wait);
            token = String.valueOf(batch.get("token"));
            for (Object e : (Object[]) batch.get("events")) {
                Map<String, Object> event = (Map<String, Object>) e;
                if ("del".equals(event.get("operation"))) {
                    throw XenApiException.of(List.of("HANDLE_INVALID", cls, ref));
                }
                if (event.get("snapshot") instanceof Map<?, ?> snap) {
                    current = (Map<String, Object>) snap;
                }
            }
        }
        return current;
    }

    /** The VM calls of this session. */
    public Vms vms() {
        return new Vms(this);
    }

    /** The physical hosts of the pool. */
    public Hosts hosts() {
        return new Hosts(this);
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void close() {
        try {
            transport.call("session.logout", sessionRef);
        } catch (XenApiException ignored) {
            // already gone: nothing to release
        }
    }

    @Override
    public String toString() {
        return "XenSession[" + user + ", password=***]";
    }
}
