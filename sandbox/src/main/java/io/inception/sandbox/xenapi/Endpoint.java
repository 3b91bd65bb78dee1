package io.inception.sandbox.xenapi;

import org.apache.xmlrpc.XmlRpcException;
import org.apache.xmlrpc.XmlRpcHandler;
import org.apache.xmlrpc.XmlRpcRequest;
import org.apache.xmlrpc.server.XmlRpcServer;
import org.apache.xmlrpc.server.XmlRpcServerConfigImpl;
import org.apache.xmlrpc.webserver.WebServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** One XML-RPC listener on loopback, serving one simulated pool. */
final class Endpoint implements AutoCloseable {
    private final WebServer server;
    private Dispatcher dispatcher;

    Endpoint() {
        server = new WebServer(0, InetAddress.getLoopbackAddress());
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the XenAPI simulator could not listen on loopback", e);
        }
    }

    int port() {
        return server.getPort();
    }

    String address() {
        return InetAddress.getLoopbackAddress().getHostAddress() + ":" + port();
    }

    void serve(Dispatcher d) {
        this.dispatcher = d;
        XmlRpcServer rpc = server.getXmlRpcServer();
        XmlRpcServerConfigImpl config = new XmlRpcServerConfigImpl();
        config.setEnabledForExtensions(false);
        config.setKeepAliveEnabled(true);
        rpc.setConfig(config);
        XmlRpcHandler handler = this::execute;
        rpc.setHandlerMapping(name -> handler);
    }

    private Object execute(XmlRpcRequest request) throws XmlRpcException {
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < request.getParameterCount(); i++) {
            params.add(request.getParameter(i));
        }
        return dispatcher.handle(request.getMethodName(), params);
    }

    @Override
    public void close() {
        server.shutdown();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
