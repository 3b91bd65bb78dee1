package io.inception.sandbox.inova;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes requests by method and path pattern to thin handlers. Each service registers its routes
 * under a prefix with an {@link Around} (authentication, microversion) and a fallback for paths it
 * does not know. Logs method and path only: never headers, which carry tokens.
 */
final class Router {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    /** A handler: parse, call the cloud, render. */
    interface Handler {
        Reply handle(Call call);
    }

    /** Work done around every handler of one service. */
    interface Around {
        Reply around(Call call, Handler next);
    }

    private record Route(String method, Pattern path, Handler handler, boolean open) {
    }

    private record Service(String prefix, Around around, Handler notFound, List<Route> routes) {
    }

    private final List<Service> services = new ArrayList<>();
    private final String baseUrl;

    Router(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Declares a service under {@code prefix} ("/compute"); its routes' patterns are relative to it. */
    Registrar service(String prefix, Around around, Handler notFound) {
        Service s = new Service(prefix, around, notFound, new ArrayList<>());
        services.add(s);
        return new Registrar() {
            @Override
            public void route(String method, String regex, Handler handler) {
                s.routes.add(new Route(method, Pattern.compile(regex), handler, false));
            }

            @Override
            public void open(String method, String regex, Handler handler) {
                s.routes.add(new Route(method, Pattern.compile(regex), handler, true));
            }
        };
    }

    /** Adds routes to one service. */
    interface Registrar {
        /** A route that needs a valid token. */
        void route(String method, String regex, Handler handler);

        /** A route anyone may call (version documents). */
        void open(String method, String regex, Handler handler);
    }

    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Reply reply;
        try {
            reply = dispatch(ex, method, path, body);
        } catch (ApiError e) {
            reply = e.reply();
        } catch (RuntimeException e) {
            LOG.error("iNova simulator: {} {} failed", method, path, e);
            reply = ApiError.nova(500, "Unexpected API Error. " + e.getClass().getSimpleName()).reply();
        }
        LOG.debug("{} {} -> {}", method, path, reply.status());
        send(ex, method, reply);
    }

    private Reply dispatch(HttpExchange ex, String method, String path, byte[] body) {
        for (Service s : services) {
            if (!(path.equals(s.prefix) || path.startsWith(s.prefix + "/"))) {
                continue;
            }
            String rest = path.substring(s.prefix.length());
            boolean pathKnown = false;
            for (Route r : s.routes) {
                Matcher m = r.path.matcher(rest);
                if (!m.matches()) {
                    continue;
                }
                pathKnown = true;
                boolean head = method.equals("HEAD") && r.method.equals("GET");
                if (!r.method.equals(method) && !head) {
                    continue;
                }
                List<String> params = new ArrayList<>();
                for (int i = 1; i <= m.groupCount(); i++) {
                    params.add(java.net.URLDecoder.decode(m.group(i), java.nio.charset.StandardCharsets.UTF_8));
                }
                Call call = new Call(method, params, ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body,
                        baseUrl);
                call.open = r.open;
                return s.around.around(call, r.handler);
            }
            Call call = new Call(method, List.of(), ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body,
                    baseUrl);
            if (pathKnown) {
                return s.around.around(call, c -> {
                    throw ApiError.nova(405, "The method specified is not allowed for this resource.");
                });
            }
            return s.around.around(call, s.notFound);
        }
        throw ApiError.keystone(404, "Not Found", "The resource could not be found.");
    }

    private static void send(HttpExchange ex, String method, Reply reply) throws IOException {
        for (Map.Entry<String, String> h : reply.headers().entrySet()) {
            ex.getResponseHeaders().add(h.getKey(), h.getValue());
        }
        byte[] data = reply.bytes();
        if (reply.json() != null) {
            try {
                data = Call.JSON.writeValueAsBytes(reply.json());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        if (reply.contentType() != null) {
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        boolean noBody = data == null || method.equals("HEAD") || reply.status() == 204 || reply.status() == 304;
        if (noBody) {
            if (method.equals("HEAD") && data != null) {
                ex.getResponseHeaders().set("Content-Length", Integer.toString(data.length));
            }
            ex.sendResponseHeaders(reply.status(), -1);
        } else {
            ex.sendResponseHeaders(reply.status(), data.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(data);
            }
        }
        ex.close();
    }
}
