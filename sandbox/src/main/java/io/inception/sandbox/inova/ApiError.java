package io.inception.sandbox.inova;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error answer of one of the simulated services, carried out of a handler to the router, which
 * renders it with the service's own body shape.
 */
final class ApiError extends RuntimeException {
    private final transient Reply reply;

    ApiError(Reply reply) {
        super(reply.status() + "", null, false, false);
        this.reply = reply;
    }

    Reply reply() {
        return reply;
    }

    /** Nova's fault body: {@code {"itemNotFound": {"code": 404, "message": ...}}}. */
    static ApiError nova(int status, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject(novaFaultName(status)).put("code", status).put("message", message);
        return new ApiError(Reply.json(status, body));
    }

    static ApiError novaNotFound(String message) {
        return nova(404, message);
    }

    static ApiError novaBadRequest(String message) {
        return nova(400, message);
    }

    /** Keystone's error body: {@code {"error": {"code", "title", "message"}}}. */
    static ApiError keystone(int status, String title, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putObject("error").put("code", status).put("title", title).put("message", message);
        return new ApiError(Reply.json(status, body));
    }

    /** What keystone and keystonemiddleware answer for a missing, wrong or expired credential. */
    static ApiError unauthorized() {
        return keystone(401, "Unauthorized", "The request you have made requires authentication.")
                .withHeader("WWW-Authenticate", "Keystone uri=\"/identity\"");
    }

    /** Glance answers errors as a small HTML page (webob's default). */
    static ApiError glance(int status, String title, String explanation) {
        String html = "<html>\n <head>\n  <title>" + status + " " + title + "</title>\n </head>\n <body>\n  <h1>"
                + status + " " + title + "</h1>\n  " + explanation + "<br /><br />\n\n\n\n </body>\n</html>";
        return new ApiError(Reply.bytes(status, "text/html; charset=UTF-8", html.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    ApiError withHeader(String name, String value) {
        return new ApiError(reply.withHeader(name, value));
    }

    /** Nova names a fault body after the status (nova.api.openstack.wsgi.Fault). */
    static String novaFaultName(int status) {
        return switch (status) {
            case 400 -> "badRequest";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "itemNotFound";
            case 405 -> "badMethod";
            case 409 -> "conflictingRequest";
            case 413, 429 -> "overLimit";
            case 415 -> "badMediaType";
            case 501 -> "notImplemented";
            case 503 -> "serviceUnavailable";
            default -> "computeFault";
        };
    }
}
