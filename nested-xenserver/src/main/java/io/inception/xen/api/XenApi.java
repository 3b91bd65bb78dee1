package io.inception.xen.api;

import io.inception.engine.merge.Secret;

import java.net.MalformedURLException;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;

/**
 * Entry point of the XenAPI client: {@code XenApi.connect(url).login(user, password)} gives a
 * {@link XenSession} that re-logs in when the pool expires the session.
 */
public final class XenApi {
    private final URL url;
    private final Clock clock;
    private final Duration callTimeout;

    private XenApi(URL url, Clock clock, Duration callTimeout) {
        this.url = url;
        this.clock = clock;
        this.callTimeout = callTimeout;
    }

    /** A client for the pool master at {@code url} (http or https). Nothing is sent until login. */
    public static XenApi connect(String url) {
        try {
            return new XenApi(new URL(url), Clock.systemUTC(), Duration.ofSeconds(60));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a XenAPI URL: " + url, e);
        }
    }

    /** The clock deadlines of waits (tasks, power states) are measured with. */
    public XenApi withClock(Clock newClock) {
        return new XenApi(url, newClock, callTimeout);
    }

    public XenApi withCallTimeout(Duration timeout) {
        return new XenApi(url, clock, timeout);
    }

    public XenSession login(String user, Secret password) {
        XenSession s = new XenSession(new XmlRpcTransport(url, callTimeout), user, password, clock);
        s.login();
        return s;
    }

    public XenSession login(String user, String password) {
        return login(user, new Secret(password));
    }

    @Override
    public String toString() {
        return "XenApi[" + url + "]";
    }
}
