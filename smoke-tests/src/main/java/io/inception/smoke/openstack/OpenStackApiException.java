package io.inception.smoke.openstack;

/** An OpenStack API answered something a smoke test did not expect; the message names the call. */
public final class OpenStackApiException extends RuntimeException {
    public OpenStackApiException(String message) {
        super(message);
    }

    static String snippet(String text) {
        if (text == null || text.isBlank()) return "(empty body)";
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
