package io.inception.xen.lab;

import java.time.Duration;

/** A request for a lab: who, which template, an optional name and lease length (null = defaults). */
public record LabRequest(String owner, String template, String name, Duration ttl) {
}
