package io.inception.xen.api;

import com.xensource.xenapi.Connection;
import com.xensource.xenapi.Session;
import com.xensource.xenapi.Types;
import com.xensource.xenapi.VM;

import java.net.URL;
import java.util.List;

/** The contract scenario driven by the official XenAPI Java SDK (com.citrix.hypervisor:xen-api). */
class OfficialSdkContractTest extends XenApiContractTest {
    @Override
    String name() {
        return "sdk";
    }

    interface Call<T> {
        T run() throws Exception;
    }

    static <T> T sdk(Call<T> call) {
        try {
            return call.run();
        } catch (Types.HandleInvalid e) {
            throw new XenDriver.Failure(List.of("HANDLE_INVALID", e.clazz, e.handle));
        } catch (Types.VmBadPowerState e) {
            throw new XenDriver.Failure(List.of("VM_BAD_POWER_STATE", e.vm, e.expected, e.actual));
        } catch (Types.XenAPIException e) {
            throw new XenDriver.Failure(List.of(e.getClass().getSimpleName()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    XenDriver login(String url, String user, String password) {
        Connection c = sdk(() -> new Connection(new URL(url)));
        sdk(() -> Session.loginWithPassword(c, user, password, "2.15", "sdk-contract"));
        return new XenDriver() {
            VM vm(String ref) {
                return sdk(() -> Types.toVM(ref));
            }

            @Override
            public String installFromTemplate(String template, String name) {
                return sdk(() -> {
                    VM t = VM.getByNameLabel(c, template).iterator().next();
                    VM v = t.createClone(c, name);
                    v.provision(c);
                    v.setIsATemplate(c, false);
                    return v.toWireString();
                });
            }

            @Override
            public void start(String ref) {
                sdk(() -> {
                    vm(ref).start(c, false, false);
                    return null;
                });
            }

            @Override
            public String powerState(String ref) {
                return sdk(() -> vm(ref).getPowerState(c).toString().toLowerCase());
            }

            @Override
            public String guestIp(String ref) {
                return sdk(() -> vm(ref).getGuestMetrics(c).getNetworks(c).get("0/ip"));
            }

            @Override
            public String snapshot(String ref, String name) {
                return sdk(() -> vm(ref).snapshot(c, name).toWireString());
            }

            @Override
            public void revert(String snapshot) {
                sdk(() -> {
                    vm(snapshot).revert(c);
                    return null;
                });
            }

            @Override
            public void cleanShutdown(String ref) {
                sdk(() -> {
                    vm(ref).cleanShutdown(c);
                    return null;
                });
            }

            @Override
            public void destroy(String ref) {
                sdk(() -> {
                    vm(ref).destroy(c);
                    return null;
                });
            }

            @Override
            public void close() {
                sdk(() -> {
                    Session.logout(c);
                    return null;
                });
            }
        };
    }
}
