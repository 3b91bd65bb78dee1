package io.inception.app.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.inception.app.web.Html.esc;

/**
 * The Allure reports {@code inception report <run>} and the smoke stage write under
 * {@code <home>/runs/<run>/<stage>/allure-report/}, served at {@code /reports/<run>/<stage>/} (a promotion's
 * smoke report is under its promotion id), and the links to them on the run and build pages.
 */
final class ReportRoutes {
    static final String REPORT = "allure-report";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "js",
            "text/javascript", "css", "text/css", "json", "application/json", "svg", "image/svg+xml", "png",
            "image/png", "ico", "image/x-icon", "txt", "text/plain; charset=utf-8", "woff", "font/woff");

    private ReportRoutes() {
    }

    static void register(Javalin app, Path runsDir) {
        app.get("/reports/{run}/{stage}", ctx -> ctx.redirect("/reports/" + ctx.pathParam("run") + "/"
                + ctx.pathParam("stage") + "/index.html"));
        app.get("/reports/{run}/{stage}/<file>", ctx -> serve(ctx, runsDir));
    }

    private static void serve(Context ctx, Path runsDir) throws IOException {
        String run = ctx.pathParam("run");
        String stage = ctx.pathParam("stage");
        if (runsDir == null || !ID.matcher(run).matches() || !ID.matcher(stage).matches()) {
            throw new NotFoundResponse("no report for " + run + "/" + stage);
        }
        Path root = runsDir.resolve(run).resolve(stage).resolve(REPORT).normalize();
        String file = ctx.pathParam("file");
        Path target = root.resolve(file.isEmpty() ? "index.html" : file).normalize();
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
            throw new NotFoundResponse("no report file " + run + "/" + stage + "/" + file);
        }
        String name = target.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        ctx.contentType(TYPES.getOrDefault(ext, "application/octet-stream")).result(Files.readAllBytes(target));
    }

    /** Links to the Allure reports of {@code runIds} (runs or promotions), or "" when none has one. */
    static String links(Path runsDir, List<String> runIds) {
        List<String> items = new ArrayList<>();
        for (String run : runIds) {
            if (runsDir == null || run == null || !ID.matcher(run).matches()) continue;
            Path dir = runsDir.resolve(run);
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> stages = Files.list(dir)) {
                stages.filter(s -> Files.isRegularFile(s.resolve(REPORT).resolve("index.html"))).sorted()
                        .forEach(s -> items.add("<li><a class=report href=\"/reports/" + esc(run) + "/"
                                + esc(s.getFileName()) + "/index.html\">" + esc(run) + " " + esc(s.getFileName())
                                + "</a>"));
            } catch (IOException e) {
                items.add("<li>" + esc(run) + ": cannot list reports (" + esc(e.getMessage()) + ")");
            }
        }
        return items.isEmpty() ? "" : "<h2>Allure reports</h2><ul id=reports>" + String.join("", items) + "</ul>";
    }
}
