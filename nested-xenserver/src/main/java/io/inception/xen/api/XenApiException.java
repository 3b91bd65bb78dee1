package io.inception.xen.api;

import java.util.List;
import java.util.Set;

/**
 * A XenAPI failure ({@code ErrorDescription: [code, params...]}) or a transport error, classified
 * transient (retry: the pool is busy, the session expired, the connection dropped) or permanent
 * (fail now: the handle is invalid, the VM is in the wrong power state, no host has the memory).
 */
public class XenApiException extends RuntimeException {
    private static final Set<String> TRANSIENT = Set.of("SESSION_INVALID", "OTHER_OPERATION_IN_PROGRESS",
            "HOST_OFFLINE", "HOST_STILL_BOOTING", "TOO_BUSY", "EVENTS_LOST", "HOST_NOT_LIVE", "TRANSPORT");
    private final String code;
    private final List<String> params;

    XenApiException(String code, List<String> params, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.params = List.copyOf(params);
    }

    /** The typed failure for one ErrorDescription. */
    public static XenApiException of(List<String> description) {
        String code = description.isEmpty() ? "UNKNOWN" : description.get(0);
        List<String> params = description.isEmpty() ? List.of() : description.subList(1, description.size());
        return switch (code) {
            case "VM_BAD_POWER_STATE" -> new BadPowerState(params);
            case "HANDLE_INVALID" -> new HandleInvalid(params);
            case "HOST_NOT_ENOUGH_FREE_MEMORY" -> new NotEnoughMemory(params);
            default -> new XenApiException(code, params, code + " " + params, null);
        };
    }

    /** The error code, e.g. {@code VM_BAD_POWER_STATE}. */
    public String code() {
        return code;
    }

    public List<String> params() {
        return params;
    }

    /** True when the same call may succeed if retried later. */
    public boolean isTransient() {
        return TRANSIENT.contains(code);
    }

    String param(int i) {
        return params.size() > i ? params.get(i) : "";
    }

    /** {@code VM_BAD_POWER_STATE [vm, expected, actual]}. */
    public static final class BadPowerState extends XenApiException {
        BadPowerState(List<String> p) {
            super("VM_BAD_POWER_STATE", p, "VM " + (p.isEmpty() ? "?" : p.get(0)) + " is "
                    + (p.size() > 2 ? p.get(2) : "?") + ", the operation needs it " + (p.size() > 1 ? p.get(1) : "?"), null);
        }

        public String vm() {
            return param(0);
        }

        public String expected() {
            return param(1);
        }

        public String actual() {
            return param(2);
        }
    }

    /** {@code HANDLE_INVALID [class, ref]}: the object does not exist (any more). */
    public static final class HandleInvalid extends XenApiException {
        HandleInvalid(List<String> p) {
            super("HANDLE_INVALID", p, "no " + (p.isEmpty() ? "object" : p.get(0)) + " " + (p.size() > 1 ? p.get(1) : ""), null);
        }

        public String objectClass() {
            return param(0);
        }

        public String ref() {
            return param(1);
        }
    }

    /** {@code HOST_NOT_ENOUGH_FREE_MEMORY [needed, available]}. */
    public static final class NotEnoughMemory extends XenApiException {
        NotEnoughMemory(List<String> p) {
            super("HOST_NOT_ENOUGH_FREE_MEMORY", p, "not enough free memory on any host: needed "
                    + (p.isEmpty() ? "?" : p.get(0)) + " bytes, at most " + (p.size() > 1 ? p.get(1) : "?") + " free", null);
        }

        public long needed() {
            return Long.parseLong(param(0));
        }

        public long available() {
            return Long.parseLong(param(1));
        }
    }

    /** The connection failed or timed out: always transient. */
    public static XenApiException transport(String what, Throwable cause) {
        return new XenApiException("TRANSPORT", List.of(what), "XenAPI call " + what + " failed: " + cause.getMessage(), cause);
    }

    /** A wait (task, power state) that did not finish in time. */
    public static XenApiException timeout(String what) {
        return new XenApiException("TIMEOUT", List.of(what), what, null);
    }
}
