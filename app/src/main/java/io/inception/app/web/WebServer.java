package io.inception.app.web;

import io.inception.app.promotion.PromotionWorker;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * {@code inception server}'s HTTP side: the JSON API under {@code /api/}, the server-rendered UI, the live
 * rollout feed (SSE), {@code /healthz}, {@code /readyz} and {@code /metrics}. Handlers are thin: parse, call one
 * of {@link WebServices}, render.
 */
public final class WebServer implements AutoCloseable {
    private final Javalin app;
    private final ScheduledExecutorService ticks;
    private final WebServices services;

    private WebServer(Javalin app, ScheduledExecutorService ticks, WebServices services) {
        this.app = app;
        this.ticks = ticks;
        this.services = services;
    }

    /** Starts on {@code address} (port 0 picks a free one). */
    public static WebServer start(WebServices s, InetSocketAddress address, Duration lagEvery) {
        ScheduledExecutorService ticks = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "web-feed");
            t.setDaemon(true);
            return t;
        });
        Javalin app = Javalin.create(c -> c.showJavalinBanner = false);
        Auth auth = new Auth(s.users(), s.audit());
        ServerMetrics metrics = new ServerMetrics(s.store(), s.lag(),
                s.labs() == null ? null : () -> s.labs().list(java.util.Optional.empty()).size(), s.clock(), lagEvery);
        RolloutFeed feed = new RolloutFeed(s.store(), ticks, s.feedInterval());
        app.before(auth::before);
        app.exception(HttpResponseException.class, (e, ctx) -> {
            if (ctx.path().startsWith("/api/")) {
                Json.send(ctx, e.getStatus(), new Json.Error(e.getMessage()));
            } else {
                ctx.status(e.getStatus()).html(Html.page("Error " + e.getStatus(), null, "", "<p class=error id=message>"
                        + Html.esc(e.getMessage()) + "</p>"));
            }
        });
        health(app, s, metrics);
        LoginRoutes.register(app, s);
        api(app, s, feed);
        pages(app, s, metrics);
        // promotions whose server or CLI died end as FAILED "interrupted: ..." (PromotionService#interruptAbandoned)
        ticks.scheduleWithFixedDelay(() -> {
            try {
                s.promotions().interruptAbandoned();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(WebServer.class).warn("cannot look for abandoned promotions", e);
            }
        }, 0, PromotionWorker.HEARTBEAT.toSeconds() * 2, java.util.concurrent.TimeUnit.SECONDS);
        app.start(address.getHostString(), address.getPort());
        return new WebServer(app, ticks, s);
    }

    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8481}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    private static void health(Javalin app, WebServices s, ServerMetrics metrics) {
        app.get("/healthz", ctx -> ctx.result("ok"));
        app.get("/readyz", ctx -> {
            try {
                s.store().runs().list(1);
                ctx.result("ready");
            } catch (RuntimeException e) {
                ctx.status(503).result("store not ready: " + e.getMessage());
            }
        });
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
        app.get("/static/app.js", ctx -> resource(ctx, "app.js", "text/javascript"));
        app.get("/static/app.css", ctx -> resource(ctx, "app.css", "text/css"));
    }

    private static void resource(Context ctx, String name, String type) throws IOException {
        try (InputStream in = WebServer.class.getResourceAsStream("/web/" + name)) {
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private static void api(Javalin app, WebServices s, RolloutFeed feed) {
        app.get("/api/builds", ctx -> Json.send(ctx, s.manifests().list(limit(ctx))));
        app.get("/api/builds/{id}", ctx -> Json.send(ctx, s.manifests().of(ctx.pathParam("id"))
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("no build " + ctx.pathParam("id")))));
        app.get("/api/runs", ctx -> Json.send(ctx, s.store().runs().list(limit(ctx))));
        app.get("/api/runs/{id}", ctx -> Json.send(ctx, s.store().details(ctx.pathParam("id"))
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("no run " + ctx.pathParam("id")))));
        app.get("/api/rollouts", ctx -> Json.send(ctx, s.store().rollouts().list()));
        app.get("/api/rollouts/{id}", ctx -> Json.send(ctx, RolloutView.load(s.store(), ctx.pathParam("id"))
                .orElseThrow(() -> new io.javalin.http.NotFoundResponse("no rollout " + ctx.pathParam("id")))));
        app.sse("/api/rollouts/{id}/events", client -> feed.attach(client, client.ctx().pathParam("id")));
        app.get("/api/environments", ctx -> Json.send(ctx, s.lag() == null ? List.of() : s.lag().all()));
        app.get("/api/audit", ctx -> Json.send(ctx, s.store().audit().list(limit(ctx))));
        LabRoutes.register(app, s);
        RunDecisions.register(app, s);
        RunStarts.register(app, s);
        PromotionRoutes.register(app, s);
    }

    static int limit(Context ctx) {
        String l = ctx.queryParam("limit");
        return l == null ? 50 : Math.max(1, Math.min(1000, Integer.parseInt(l)));
    }

    private static void pages(Javalin app, WebServices s, ServerMetrics metrics) {
        app.get("/", ctx -> page(ctx, "Builds", BuildPages.builds(s.manifests().list(50), metrics.lag(),
                s.lag() == null ? Duration.ofDays(14) : s.lag().warnAfter())));
        app.get("/builds/{id}", ctx -> {
            var m = s.manifests().of(ctx.pathParam("id")).orElseThrow(() -> new io.javalin.http.NotFoundResponse(
                    "no build " + ctx.pathParam("id")));
            page(ctx, "Build " + m.buildId(), BuildPages.build(m, Auth.csrf(ctx)) + ReportRoutes.links(s.runsDir(),
                    java.util.stream.Stream.concat(m.runs().stream().map(r -> r.runId()),
                            m.promotions().stream().map(p -> p.id())).toList()));
        });
        app.get("/runs/{id}", ctx -> runPage(ctx, s, ctx.pathParam("id"), null, false));
        ReportRoutes.register(app, s.runsDir());
        LabPages.register(app, s);
        app.get("/rollouts", ctx -> page(ctx, "Rollouts", RolloutPages.list(s.store().rollouts().list())));
        app.get("/rollouts/{id}", ctx -> page(ctx, "Rollout " + ctx.pathParam("id"), RolloutPages.grid(
                RolloutView.load(s.store(), ctx.pathParam("id")).orElseThrow(() ->
                        new io.javalin.http.NotFoundResponse("no rollout " + ctx.pathParam("id"))))));
        app.get("/audit", ctx -> page(ctx, "Audit log", PromotionPages.audit(s.store().audit().list(limit(ctx)))));
    }

    /** The run page, with the outcome {@code message} of a decision on top when not null. */
    static void runPage(Context ctx, WebServices s, String runId, String message, boolean error) {
        var details = s.store().details(runId).orElseThrow(() -> new io.javalin.http.NotFoundResponse("no run " + runId));
        String top = message == null ? "" : "<p id=message class=\"" + (error ? "error" : "ok") + "\">"
                + Html.esc(message) + "</p>";
        page(ctx, "Run " + runId, top + BuildPages.run(details, RunDecisions.mayDecide(ctx), Auth.csrf(ctx))
                + ReportRoutes.links(s.runsDir(), List.of(runId)));
    }

    static void page(Context ctx, String title, String body) {
        ctx.html(Html.page(title, Auth.actor(ctx), Auth.csrf(ctx), body));
    }

    @Override
    public void close() {
        app.stop();
        ticks.shutdownNow();
        services.promotions().close();
    }
}
