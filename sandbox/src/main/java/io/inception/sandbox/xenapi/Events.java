package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/** {@code event.from}: changes after a token, waiting up to the given timeout for the first one. */
final class Events {
    private static final long MAX_WAIT_MILLIS = 30_000;
    private final SimPool pool;

    Events(SimPool pool) {
        this.pool = pool;
    }

    Object call(String op, List<Object> args) {
        return switch (op) {
            case "from" -> from(args);
            case "get_current_id" -> pool.db.lastEventId();
            default -> throw new XapiFailure("MESSAGE_METHOD_UNKNOWN", "event." + op);
        };
    }

    private Object from(List<Object> args) {
        List<String> classes = new ArrayList<>();
        for (Object c : (Object[]) args.get(0)) {
            classes.add(Wire.str(c).toLowerCase(Locale.ROOT));
        }
        String token = Wire.str(args.get(1));
        double timeout = args.size() > 2 ? Double.parseDouble(Wire.str(args.get(2))) : 0;
        Predicate<XapiDb.Event> wanted = e -> classes.contains("*")
                || classes.contains(e.cls().toLowerCase(Locale.ROOT))
                || classes.contains(e.cls().toLowerCase(Locale.ROOT) + "/" + e.ref().toLowerCase(Locale.ROOT));
        List<Map<String, Object>> out = new ArrayList<>();
        long last;
        if (token.isEmpty()) {
            pool.db.lock().lock();
            try {
                last = pool.db.lastEventId();
                for (String cls : FieldCatalog.get().classes()) {
                    for (XapiDb.Obj o : pool.db.all(cls)) {
                        XapiDb.Event e = new XapiDb.Event(last, cls, "add", o.ref(), Wire.deepCopy(o.fields()));
                        if (wanted.test(e)) {
                            out.add(render(e));
                        }
                    }
                }
            } finally {
                pool.db.lock().unlock();
            }
        } else {
            long after = parseToken(token);
            try {
                List<XapiDb.Event> found = pool.db.eventsAfter(after, wanted,
                        Math.min(MAX_WAIT_MILLIS, (long) (timeout * 1000)));
                found.forEach(e -> out.add(render(e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            last = Math.max(after, pool.db.lastEventId());
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("events", out);
        result.put("valid_ref_counts", new LinkedHashMap<>());
        result.put("token", String.format("%020d", last));
        return result;
    }

    private static long parseToken(String token) {
        try {
            return Long.parseLong(token.split(",")[0]);
        } catch (NumberFormatException e) {
            throw new XapiFailure("EVENT_FROM_TOKEN_PARSE_FAILURE", token);
        }
    }

    private static Map<String, Object> render(XapiDb.Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", String.valueOf(e.id()));
        m.put("timestamp", String.valueOf(e.id()));
        m.put("class", e.cls().toLowerCase(Locale.ROOT));
        m.put("operation", e.operation());
        m.put("ref", e.ref());
        if (!e.operation().equals("del")) {
            m.put("snapshot", e.snapshot());
        }
        return m;
    }
}
