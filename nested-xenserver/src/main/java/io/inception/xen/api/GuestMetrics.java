package io.inception.xen.api;

import java.util.Map;

/** What the guest agent reports: OS, networks ({@code 0/ip}) and other keys. */
public record GuestMetrics(Map<String, String> osVersion, Map<String, String> networks, Map<String, String> other,
                           boolean pvDriversUpToDate) {
    /** The first IPv4 address, or "" before the guest reported one. */
    public String ip() {
        return networks.getOrDefault("0/ip", "");
    }
}
