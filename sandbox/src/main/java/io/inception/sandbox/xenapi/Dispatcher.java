package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one XML-RPC call ("VM.start", "Async.VM.clone", "host.get_all", ...) into a XenAPI result
 * struct: {@code {Status: Success, Value}} or {@code {Status: Failure, ErrorDescription}}.
 */
final class Dispatcher {
    private final SimPool pool;
    private final VmPower power;
    private final VmLifecycle lifecycle;
    private final Tasks tasks;
    private final Events events;
    private final PoolJoin join;

    Dispatcher(SimPool pool, NestedHosts nested, PoolJoin join) {
        this.pool = pool;
        this.power = new VmPower(pool, nested);
        this.lifecycle = new VmLifecycle(pool, power);
        this.tasks = new Tasks(pool);
        this.events = new Events(pool);
        this.join = join;
    }

    Map<String, Object> handle(String method, List<Object> params) {
        try {
            return Wire.success(call(method, params));
        } catch (XapiFailure f) {
            return Wire.failure(f.description());
        } catch (RuntimeException e) {
            return Wire.failure(List.of("INTERNAL_ERROR", String.valueOf(e)));
        }
    }

    void close() {
        tasks.close();
    }

    private Object call(String method, List<Object> params) {
        if (method.equals("session.login_with_password") || method.equals("session.slave_local_login_with_password")) {
            if (pool.masterAddress != null) {
                throw new XapiFailure("HOST_IS_SLAVE", pool.masterAddress);
            }
            return pool.login(Wire.str(params.get(0)), Wire.str(params.get(1)));
        }
        if (params.isEmpty()) {
            throw new XapiFailure("MESSAGE_PARAMETER_COUNT_MISMATCH", method, "1", "0");
        }
        String session = Wire.str(params.get(0));
        if (method.equals("session.logout")) {
            pool.logout(session);
            return "";
        }
        if (pool.masterAddress != null) {
            throw new XapiFailure("HOST_IS_SLAVE", pool.masterAddress);
        }
        pool.checkSession(session);
        List<Object> args = new ArrayList<>(params.subList(1, params.size()));
        if (method.startsWith("Async.")) {
            String inner = method.substring("Async.".length());
            return tasks.submit(inner, () -> call(inner, params));
        }
        int dot = method.indexOf('.');
        if (dot < 0) {
            throw new XapiFailure("MESSAGE_METHOD_UNKNOWN", method);
        }
        String cls = FieldCatalog.get().canonicalClass(method.substring(0, dot));
        String op = method.substring(dot + 1);
        if (cls == null && method.startsWith("event.")) {
            return events.call(op, args);
        }
        if (cls == null) {
            throw new XapiFailure("MESSAGE_METHOD_UNKNOWN", method);
        }
        Object special = special(cls, op, args);
        return special != null ? special : Generic.call(pool.db, cls, op, args, method);
    }

    private Object special(String cls, String op, List<Object> args) {
        switch (cls) {
            case "VM" -> {
                if (op.equals("set_memory_limits") || op.equals("set_memory")) {
                    XapiDb.Obj vm = pool.db.get("VM", Wire.str(args.get(0)));
                    List<String> fields = op.equals("set_memory") ? List.of("memory_static_max", "memory_dynamic_max",
                            "memory_dynamic_min") : List.of("memory_static_min", "memory_static_max",
                            "memory_dynamic_min", "memory_dynamic_max");
                    VmPower.require(vm, "Halted");
                    for (int i = 0; i < fields.size(); i++) {
                        vm.fields().put(fields.get(i), Wire.num(args.get(op.equals("set_memory") ? 1 : i + 1)));
                    }
                    pool.db.touched(vm);
                    return "";
                }
                if (op.equals("get_all_records_where") || args.isEmpty() || op.startsWith("get_")
                        || op.startsWith("set_") || op.startsWith("add_") || op.startsWith("remove_")) {
                    return null;
                }
                XapiDb.Obj vm = pool.db.get("VM", Wire.str(args.get(0)));
                List<Object> rest = args.subList(1, args.size());
                Object r = lifecycle.call(op, vm, rest);
                return r != null ? r : power.call(op, vm, rest);
            }
            case "task" -> {
                return tasks.call(op, args);
            }
            case "session" -> {
                if (op.equals("get_this_host")) {
                    return pool.db.get("session", Wire.str(args.get(0))).str("this_host");
                }
                return null;
            }
            case "host" -> {
                return hostCall(op, args);
            }
            case "pool" -> {
                if (op.equals("join")) {
                    join.join(pool, Wire.str(args.get(0)), Wire.str(args.get(1)), Wire.str(args.get(2)));
                    return "";
                }
                if (op.equals("eject")) {
                    join.eject(pool, pool.db.get("host", Wire.str(args.get(0))));
                    return "";
                }
                return null;
            }
            case "VDI" -> {
                if (op.equals("destroy")) {
                    XapiDb.Obj vdi = pool.db.get("VDI", Wire.str(args.get(0)));
                    if (!vdi.set("VBDs").isEmpty()) {
                        throw new XapiFailure("VDI_IN_USE", vdi.ref(), "destroy");
                    }
                    lifecycle.destroyVdi(vdi);
                    return "";
                }
                return null;
            }
            case "VBD", "VIF" -> {
                if (op.equals("destroy")) {
                    XapiDb.Obj o = pool.db.get(cls, Wire.str(args.get(0)));
                    XapiDb.Obj vm = pool.db.find(o.str("VM"));
                    if (vm != null) {
                        vm.set(cls + "s").remove(o.ref());
                    }
                    pool.db.destroy(o);
                    return "";
                }
                if (op.equals("create") && cls.equals("VIF")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> rec = (Map<String, Object>) args.get(0);
                    XapiDb.Obj vm = pool.db.get("VM", Wire.str(rec.get("VM")));
                    XapiDb.Obj vif = pool.db.create("VIF", new LinkedHashMap<>(Map.of("VM", vm.ref(),
                            "network", Wire.str(rec.get("network")), "device", Wire.str(rec.get("device")),
                            "MAC", Wire.str(rec.getOrDefault("MAC", "")))));
                    vm.set("VIFs").add(vif.ref());
                    return vif.ref();
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    private Object hostCall(String op, List<Object> args) {
        return switch (op) {
            case "compute_free_memory" -> pool.freeMemory(pool.db.get("host", Wire.str(args.get(0))));
            case "migrate_receive" -> {
                XapiDb.Obj host = pool.db.get("host", Wire.str(args.get(0)));
                yield new LinkedHashMap<>(Map.of("host", host.ref(), "master", "http://" + pool.address + "/",
                        "xenops", "http://" + pool.address + "/services/xenops"));
            }
            case "get_servertime" -> new java.util.Date(0);
            default -> null;
        };
    }
}
