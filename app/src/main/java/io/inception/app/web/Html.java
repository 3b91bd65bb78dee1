package io.inception.app.web;

/** HTML escaping and the page frame shared by every page. */
final class Html {
    private Html() {
    }

    static String esc(Object o) {
        if (o == null) return "";
        String s = o.toString();
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A full page: header with navigation and who is logged in, then {@code body}. */
    static String page(String title, io.inception.app.access.Actor actor, String csrf, String body) {
        String who = actor == null ? "" : "<span class=who id=who>" + esc(actor.name()) + " (" + esc(actor.role().label())
                + ")</span><form method=post action=/logout class=inline><input type=hidden name=csrf value=\""
                + esc(csrf) + "\"><button id=logout>log out</button></form>";
        return "<!doctype html><html><head><meta charset=utf-8><title>" + esc(title) + " — Inception</title>"
                + "<link rel=stylesheet href=/static/app.css><script src=/static/app.js defer></script></head><body>"
                + "<header><b>Inception</b> <nav><a href=/>builds</a> <a href=/rollouts>rollouts</a>"
                + " <a href=/promotions>promotions</a> <a href=/labs>labs</a> <a href=/audit>audit</a></nav> " + who + "</header><main>"
                + "<h1>" + esc(title) + "</h1>" + body + "</main></body></html>";
    }

    static String csrfField(String csrf) {
        return "<input type=hidden name=csrf value=\"" + esc(csrf) + "\">";
    }
}
