package io.inception.xen.api;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

/** One XML-RPC call and the XenAPI result struct around it ({@code Status}, {@code Value}, {@code ErrorDescription}). */
final class XmlRpcTransport {
    private final XmlRpcClient client = new XmlRpcClient();

    XmlRpcTransport(URL url, Duration timeout) {
        XmlRpcClientConfigImpl config = new XmlRpcClientConfigImpl();
        config.setServerURL(url);
        config.setTimeZone(TimeZone.getTimeZone("UTC"));
        config.setConnectionTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        config.setReplyTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        config.setEnabledForExtensions(false);
        client.setConfig(config);
    }

    Object call(String method, Object... params) {
        Object raw;
        try {
            raw = client.execute(method, params);
        } catch (XmlRpcException e) {
            throw XenApiException.transport(method, e);
        }
        if (!(raw instanceof Map<?, ?> result)) {
            throw XenApiException.of(List.of("UNEXPECTED_RESPONSE", method));
        }
        if ("Success".equals(result.get("Status"))) {
            return result.get("Value");
        }
        Object desc = result.get("ErrorDescription");
        List<String> d = new ArrayList<>();
        if (desc instanceof Object[] a) {
            Arrays.stream(a).map(String::valueOf).forEach(d::add);
        }
        throw XenApiException.of(d);
    }
}
