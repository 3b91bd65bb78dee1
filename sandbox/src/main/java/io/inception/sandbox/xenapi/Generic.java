package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The calls every class has: get_all, get_record, get_by_uuid, field getters and setters, maps, create, destroy. */
final class Generic {
    private static final Pattern CONDITION = Pattern.compile("field\\s*\"([^\"]+)\"\\s*=\\s*\"([^\"]*)\"");

    private Generic() {
    }

    static Object call(XapiDb db, String cls, String op, List<Object> args, String method) {
        db.lock().lock();
        try {
            // rendered for the wire (new maps and arrays) while the lock is held, so a record is never
            // serialised while another call changes it
            return Wire.out(dispatch(db, cls, op, args, method));
        } finally {
            db.lock().unlock();
        }
    }

    private static Object dispatch(XapiDb db, String cls, String op, List<Object> args, String method) {
        FieldCatalog catalog = FieldCatalog.get();
        switch (op) {
            case "get_all":
                return db.all(cls).stream().map(XapiDb.Obj::ref).toList();
            case "get_all_records":
                return records(db.all(cls));
            case "get_all_records_where":
                return records(db.all(cls).stream().filter(o -> matches(o, Wire.str(args.get(0)))).toList());
            case "get_record":
                return db.get(cls, ref(args)).fields();
            case "get_by_uuid":
                return db.all(cls).stream().filter(o -> o.str("uuid").equals(ref(args))).findFirst()
                        .orElseThrow(() -> new XapiFailure("UUID_INVALID", cls, ref(args))).ref();
            case "get_by_name_label":
                return db.all(cls).stream().filter(o -> o.str("name_label").equals(ref(args)))
                        .map(XapiDb.Obj::ref).toList();
            case "create":
                return create(db, cls, args);
            case "destroy":
                db.destroy(db.get(cls, ref(args)));
                return "";
            default:
                break;
        }
        for (String prefix : List.of("get_", "set_", "add_to_", "remove_from_", "add_", "remove_")) {
            if (op.startsWith(prefix) && catalog.hasField(cls, op.substring(prefix.length()))) {
                return field(db, db.get(cls, ref(args)), prefix, op.substring(prefix.length()), args);
            }
        }
        throw new XapiFailure("MESSAGE_METHOD_UNKNOWN", method);
    }

    private static String ref(List<Object> args) {
        if (args.isEmpty()) {
            throw new XapiFailure("MESSAGE_PARAMETER_COUNT_MISMATCH", "", "2", "1");
        }
        return Wire.str(args.get(0));
    }

    private static Map<String, Object> records(List<XapiDb.Obj> objs) {
        Map<String, Object> r = new LinkedHashMap<>();
        objs.forEach(o -> r.put(o.ref(), o.fields()));
        return r;
    }

    /** The subset of xapi's query language that clients use: {@code field "k"="v" and ...} or {@code true}. */
    static boolean matches(XapiDb.Obj o, String expr) {
        if (expr.isBlank() || expr.trim().equals("true")) {
            return true;
        }
        Matcher m = CONDITION.matcher(expr);
        boolean any = false;
        while (m.find()) {
            any = true;
            String actual = Wire.str(Wire.out(o.fields().get(m.group(1))));
            if (!actual.equalsIgnoreCase(m.group(2))) {
                return false;
            }
        }
        return any;
    }

    @SuppressWarnings("unchecked")
    private static Object field(XapiDb db, XapiDb.Obj o, String prefix, String field, List<Object> args) {
        Object current = o.fields().get(field);
        switch (prefix) {
            case "get_":
                return current;
            case "set_":
                db.set(o, field, coerce(current, args.get(1)));
                return "";
            case "add_to_": {
                Map<String, Object> map = (Map<String, Object>) current;
                String key = Wire.str(args.get(1));
                if (map.containsKey(key)) {
                    throw new XapiFailure("MAP_DUPLICATE_KEY", o.cls(), field, o.ref(), key);
                }
                map.put(key, Wire.str(args.get(2)));
                db.touched(o);
                return "";
            }
            case "remove_from_":
                ((Map<String, Object>) current).remove(Wire.str(args.get(1)));
                db.touched(o);
                return "";
            case "add_":
                if (!((List<Object>) current).contains(args.get(1))) {
                    ((List<Object>) current).add(args.get(1));
                }
                db.touched(o);
                return "";
            default:
                ((List<Object>) current).remove(args.get(1));
                db.touched(o);
                return "";
        }
    }

    @SuppressWarnings("unchecked")
    private static Object coerce(Object current, Object value) {
        if (current instanceof Long) {
            return Wire.num(value);
        }
        if (current instanceof Boolean) {
            return Wire.bool(value);
        }
        if (value instanceof Map<?, ?> m) {
            return new LinkedHashMap<>((Map<String, Object>) m);
        }
        if (value instanceof Object[] a) {
            return new ArrayList<>(List.of(a));
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Object create(XapiDb db, String cls, List<Object> args) {
        Map<String, Object> rec = (Map<String, Object>) args.get(0);
        Map<String, Object> defaults = FieldCatalog.get().defaults(cls);
        Map<String, Object> f = new LinkedHashMap<>();
        rec.forEach((k, v) -> {
            if (defaults.containsKey(k)) {
                f.put(k, coerce(defaults.get(k), v));
            }
        });
        XapiDb.Obj o = db.create(cls, f);
        if (cls.equals("VBD")) {
            for (String owner : List.of("VM", "VDI")) {
                XapiDb.Obj parent = db.find(o.str(owner));
                if (parent != null) {
                    parent.set("VBDs").add(o.ref());
                }
            }
        }
        if (cls.equals("VDI")) {
            XapiDb.Obj sr = db.find(o.str("SR"));
            if (sr != null) {
                sr.set("VDIs").add(o.ref());
            }
        }
        return o.ref();
    }
}
