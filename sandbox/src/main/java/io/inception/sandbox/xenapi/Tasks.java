package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** {@code Async.*} calls: each runs as a task, shortly after the call returns, so that clients poll it. */
final class Tasks {
    private final SimPool pool;
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "xenapi-sim-tasks");
        t.setDaemon(true);
        return t;
    });

    Tasks(SimPool pool) {
        this.pool = pool;
    }

    String submit(String name, Supplier<Object> work) {
        XapiDb.Obj task = pool.db.create("task", new HashMap<>(Map.of("name_label", name, "status", "pending",
                "progress", 0.0d, "created", new Date(0))));
        runner.schedule(() -> run(task, work), pool.faults.taskDelayMillis(), TimeUnit.MILLISECONDS);
        return task.ref();
    }

    private void run(XapiDb.Obj task, Supplier<Object> work) {
        pool.db.lock().lock();
        try {
            if (!"pending".equals(task.str("status"))) {
                return;
            }
        } finally {
            pool.db.lock().unlock();
        }
        Map<String, Object> outcome = new Dispatched(work).get();
        pool.db.lock().lock();
        try {
            if ("Success".equals(outcome.get("Status"))) {
                Object v = outcome.get("Value");
                task.fields().put("result", v instanceof String s && !s.isEmpty() ? "<value>" + escape(s) + "</value>" : "");
                task.fields().put("status", "success");
            } else {
                task.fields().put("error_info", new ArrayList<>(List.of((Object[]) outcome.get("ErrorDescription"))));
                task.fields().put("status", "failure");
            }
            task.fields().put("progress", 1.0d);
            task.fields().put("finished", new Date(0));
            pool.db.touched(task);
        } finally {
            pool.db.lock().unlock();
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    Object call(String op, List<Object> args) {
        if (op.equals("cancel")) {
            XapiDb.Obj task = pool.db.get("task", Wire.str(args.get(0)));
            pool.db.lock().lock();
            try {
                if (!"pending".equals(task.str("status"))) {
                    throw new XapiFailure("OPERATION_NOT_ALLOWED", "the task is no longer pending");
                }
                task.fields().put("status", "cancelled");
                task.fields().put("error_info", new ArrayList<>(List.of("TASK_CANCELLED", task.ref())));
                pool.db.touched(task);
            } finally {
                pool.db.lock().unlock();
            }
            return "";
        }
        return null;
    }

    void close() {
        runner.shutdownNow();
    }

    /** Runs work and turns a failure into the wire struct, as a synchronous call would. */
    private record Dispatched(Supplier<Object> work) {
        Map<String, Object> get() {
            try {
                return Wire.success(work.get());
            } catch (XapiFailure f) {
                return Wire.failure(f.description());
            } catch (RuntimeException e) {
                return Wire.failure(List.of("INTERNAL_ERROR", String.valueOf(e)));
            }
        }
    }
}
