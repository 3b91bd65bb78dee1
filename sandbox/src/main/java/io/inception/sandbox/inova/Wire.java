package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Small helpers for the wire shapes the three services share: timestamps, links, empty objects. */
final class Wire {
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter NOVA_SERVICE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    /** Keystone's {@code 2026-11-27T06:00:00.000000Z}. */
    static String micros(Instant t) {
        return MICROS.format(t.truncatedTo(ChronoUnit.MICROS));
    }

    /** Nova's and Glance's {@code 2026-11-27T06:00:00Z}. */
    static String seconds(Instant t) {
        return SECONDS.format(t);
    }

    /** Nova's service/limits style without zone: {@code 2026-11-27T06:00:00.000000}. */
    static String naive(Instant t) {
        return NOVA_SERVICE.format(t.truncatedTo(ChronoUnit.MICROS));
    }

    /** Nova's self and bookmark links of a resource. */
    static ArrayNode links(String baseUrl, String collection, String id) {
        ArrayNode l = array();
        l.addObject().put("rel", "self").put("href", baseUrl + "/compute/v2.1/" + collection + "/" + id);
        l.addObject().put("rel", "bookmark").put("href", baseUrl + "/compute/" + collection + "/" + id);
        return l;
    }
}
