package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The objects of one simulated pool (by reference) and the event log behind {@code event.from}.
 * Every change goes through here so that it is recorded as an event.
 */
final class XapiDb {
    /** One stored object: its class and its fields (mutable, guarded by the database lock). */
    record Obj(String cls, String ref, Map<String, Object> fields) {
        String str(String f) {
            return String.valueOf(fields.get(f));
        }

        long num(String f) {
            Object v = fields.get(f);
            return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map(String f) {
            return (Map<String, Object>) fields.get(f);
        }

        @SuppressWarnings("unchecked")
        List<Object> set(String f) {
            return (List<Object>) fields.get(f);
        }
    }

    /** One entry of the event log. */
    record Event(long id, String cls, String operation, String ref, Map<String, Object> snapshot) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Obj> objects = new LinkedHashMap<>();
    private final List<Event> events = new ArrayList<>();
    private final Random ids;
    private long eventId;

    XapiDb(long seed) {
        this.ids = new Random(seed);
    }

    ReentrantLock lock() {
        return lock;
    }

    String uuid() {
        return new UUID(ids.nextLong(), ids.nextLong()).toString();
    }

    Obj create(String cls, Map<String, Object> fields) {
        lock.lock();
        try {
            Map<String, Object> all = FieldCatalog.get().defaults(cls);
            String uuid = uuid();
            all.put("uuid", uuid);
            all.putAll(fields);
            Obj o = new Obj(cls, "OpaqueRef:" + uuid, all);
            objects.put(o.ref(), o);
            record(o, "add");
            return o;
        } finally {
            lock.unlock();
        }
    }

    Obj get(String cls, String ref) {
        lock.lock();
        try {
            Obj o = objects.get(ref);
            if (o == null || !o.cls().equals(cls)) {
                throw XapiFailure.handleInvalid(cls, ref);
            }
            return o;
        } finally {
            lock.unlock();
        }
    }

    Obj find(String ref) {
        lock.lock();
        try {
            return objects.get(ref);
        } finally {
            lock.unlock();
        }
    }

    List<Obj> all(String cls) {
        lock.lock();
        try {
            return objects.values().stream().filter(o -> o.cls().equals(cls)).toList();
        } finally {
            lock.unlock();
        }
    }

    void set(Obj o, String field, Object value) {
        lock.lock();
        try {
            o.fields().put(field, value);
            record(o, "mod");
        } finally {
            lock.unlock();
        }
    }

    void touched(Obj o) {
        lock.lock();
        try {
            record(o, "mod");
        } finally {
            lock.unlock();
        }
    }

    void destroy(Obj o) {
        lock.lock();
        try {
            if (objects.remove(o.ref()) != null) {
                record(o, "del");
            }
        } finally {
            lock.unlock();
        }
    }

    long lastEventId() {
        lock.lock();
        try {
            return eventId;
        } finally {
            lock.unlock();
        }
    }

    /** Events after {@code token} matching {@code wanted}, waiting up to {@code timeoutMillis} for one. */
    List<Event> eventsAfter(long token, java.util.function.Predicate<Event> wanted, long timeoutMillis)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (true) {
                List<Event> found = events.stream().filter(e -> e.id() > token).filter(wanted).toList();
                long left = deadline - System.nanoTime();
                if (!found.isEmpty() || left <= 0) {
                    return found;
                }
                changed.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
    }

    private void record(Obj o, String operation) {
        eventId++;
        events.add(new Event(eventId, o.cls(), operation, o.ref(),
                Collections.unmodifiableMap(Wire.deepCopy(o.fields()))));
        if (events.size() > 10_000) {
            events.subList(0, 5_000).clear();
        }
        changed.signalAll();
    }
}
