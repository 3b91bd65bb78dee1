package io.inception.xen.api;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The contract scenario driven by Inception's own XenAPI client. */
class InceptionClientContractTest extends XenApiContractTest {
    @Override
    String name() {
        return "inception";
    }

    @Override
    XenDriver login(String url, String user, String password) {
        XenSession s = XenApi.connect(url).login(user, password);
        return new XenDriver() {
            <T> T run(Supplier<T> call) {
                try {
                    return call.get();
                } catch (XenApiException e) {
                    List<String> d = new ArrayList<>();
                    d.add(e.code());
                    d.addAll(e.params());
                    throw new Failure(d);
                }
            }

            void run(Runnable call) {
                run(() -> {
                    call.run();
                    return null;
                });
            }

            @Override
            public String installFromTemplate(String template, String name) {
                return run(() -> s.vms().install(s.vms().template(template), name));
            }

            @Override
            public void start(String vm) {
                run(() -> s.vms().start(vm));
            }

            @Override
            public String powerState(String vm) {
                return run(() -> s.vms().powerState(vm).name().toLowerCase());
            }

            @Override
            public String guestIp(String vm) {
                return run(() -> s.vms().guestMetrics(vm).ip());
            }

            @Override
            public String snapshot(String vm, String name) {
                return run(() -> s.vms().snapshot(vm, name));
            }

            @Override
            public void revert(String snapshot) {
                run(() -> s.vms().revert(snapshot));
            }

            @Override
            public void cleanShutdown(String vm) {
                run(() -> s.vms().cleanShutdown(vm));
            }

            @Override
            public void destroy(String vm) {
                run(() -> s.vms().destroy(vm));
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }
}
