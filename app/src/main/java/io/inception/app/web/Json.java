package io.inception.app.web;

import io.inception.app.release.ReleaseText;
import io.javalin.http.Context;

/** JSON responses in the manifest's JSON shape (ISO dates, record field names). */
final class Json {
    private Json() {
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(ReleaseText.json(body));
    }

    static void send(Context ctx, Object body) {
        send(ctx, 200, body);
    }

    record Error(String error) {
    }
}
