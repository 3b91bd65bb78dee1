package io.inception.sandbox.xenapi;

import java.util.ArrayList;
import java.util.List;

/** A XenAPI failure as the wire carries it: an error code and its parameters. */
final class XapiFailure extends RuntimeException {
    private final List<String> description;

    XapiFailure(String code, String... params) {
        super(code);
        List<String> d = new ArrayList<>();
        d.add(code);
        d.addAll(List.of(params));
        this.description = List.copyOf(d);
    }

    List<String> description() {
        return description;
    }

    static XapiFailure handleInvalid(String cls, String ref) {
        return new XapiFailure("HANDLE_INVALID", cls, ref);
    }

    static XapiFailure badPowerState(String vm, String expected, String actual) {
        return new XapiFailure("VM_BAD_POWER_STATE", vm, expected.toLowerCase(), actual.toLowerCase());
    }
}
