package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Values as XenAPI puts them on the XML-RPC wire: ints as strings, no nulls. */
final class Wire {
    private Wire() {
    }

    static Object out(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Long || v instanceof Integer) {
            return String.valueOf(v);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, x) -> r.put(String.valueOf(k), out(x)));
            return r;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Wire::out).toList().toArray();
        }
        if (v instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(Wire::out).toArray();
        }
        return v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> r = new LinkedHashMap<>();
        m.forEach((k, v) -> r.put(k, copy(v)));
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return v;
    }

    static Map<String, Object> success(Object value) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Status", "Success");
        r.put("Value", out(value));
        return r;
    }

    static Map<String, Object> failure(List<String> description) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("Status", "Failure");
        r.put("ErrorDescription", description.toArray());
        return r;
    }

    static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    static boolean bool(Object o) {
        return o instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(o));
    }

    static long num(Object o) {
        return o instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(o));
    }
}
