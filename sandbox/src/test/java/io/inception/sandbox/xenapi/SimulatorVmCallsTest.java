package io.inception.sandbox.xenapi;

import org.apache.xmlrpc.client.XmlRpcClient;
import org.apache.xmlrpc.client.XmlRpcClientConfigImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VM calls nova-compute's XenServer driver makes, over raw XML-RPC, with the power-state rules
 * and error codes of the real API.
 */
class SimulatorVmCallsTest {
    XenApiSimulator sim;
    XmlRpcClient rpc = new XmlRpcClient();
    String session;

    @BeforeEach
    void start() throws Exception {
        sim = XenApiSimulator.start();
        XmlRpcClientConfigImpl c = new XmlRpcClientConfigImpl();
        c.setServerURL(new URL(sim.url()));
        rpc.setConfig(c);
        session = (String) ok("session.login_with_password", sim.username(), sim.password(), "2.15", "test");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> raw(String method, Object... params) throws Exception {
        return (Map<String, Object>) rpc.execute(method, params);
    }

    Object ok(String method, Object... params) throws Exception {
        Map<String, Object> r = raw(method, params);
        assertThat(r.get("Status")).as(method + " " + List.of((Object[]) r.getOrDefault("ErrorDescription", new Object[0])))
                .isEqualTo("Success");
        return r.get("Value");
    }

    List<Object> error(String method, Object... params) throws Exception {
        Map<String, Object> r = raw(method, params);
        assertThat(r.get("Status")).isEqualTo("Failure");
        return List.of((Object[]) r.get("ErrorDescription"));
    }

    String vm(String name) throws Exception {
        String t = (String) ((Object[]) ok("VM.get_by_name_label", session, "Other install media"))[0];
        String vm = (String) ok("VM.clone", session, t, name);
        ok("VM.provision", session, vm);
        ok("VM.set_is_a_template", session, vm, false);
        return vm;
    }

    String state(String vm) throws Exception {
        return (String) ok("VM.get_power_state", session, vm);
    }

    @Test
    void powerStateMachine() throws Exception {
        String vm = vm("nova-1");
        assertThat(error("VM.pause", session, vm)).containsExactly("VM_BAD_POWER_STATE", vm, "running", "halted");
        ok("VM.start", session, vm, false, false);
        ok("VM.pause", session, vm);
        assertThat(state(vm)).isEqualTo("Paused");
        assertThat(error("VM.clean_shutdown", session, vm)).containsExactly("VM_BAD_POWER_STATE", vm, "running", "paused");
        ok("VM.unpause", session, vm);
        ok("VM.suspend", session, vm);
        assertThat(state(vm)).isEqualTo("Suspended");
        ok("VM.resume", session, vm, false, false);
        ok("VM.clean_reboot", session, vm);
        ok("VM.hard_reboot", session, vm);
        assertThat(error("VM.destroy", session, vm)).containsExactly("VM_BAD_POWER_STATE", vm, "halted", "running");
        ok("VM.hard_shutdown", session, vm);
        assertThat(error("VM.hard_shutdown", session, vm)).containsExactly("VM_BAD_POWER_STATE", vm, "running", "halted");
        ok("VM.destroy", session, vm);
        assertThat(error("VM.get_record", session, vm)).containsExactly("HANDLE_INVALID", "VM", vm);
    }

    @Test
    void templatesCannotStartAndSessionsAreChecked() throws Exception {
        String t = (String) ((Object[]) ok("VM.get_by_name_label", session, "Debian Bookworm 12"))[0];
        assertThat(error("VM.start", session, t, false, false)).containsExactly("VM_IS_TEMPLATE", t);
        assertThat(error("VM.get_all", "OpaqueRef:bogus")).containsExactly("SESSION_INVALID", "OpaqueRef:bogus");
        assertThat(error("session.login_with_password", "root", "wrong", "2.15", "t").get(0))
                .isEqualTo("SESSION_AUTHENTICATION_FAILED");
        assertThat(error("VM.frobnicate", session, t)).containsExactly("MESSAGE_METHOD_UNKNOWN", "VM.frobnicate");
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsXenstoreDataLookupsAndMigration() throws Exception {
        String vm = vm("nova-2");
        ok("VM.set_name_label", session, vm, "instance-0002");
        ok("VM.add_to_xenstore_data", session, vm, "vm-data/hostname", "instance-0002");
        assertThat(error("VM.add_to_xenstore_data", session, vm, "vm-data/hostname", "x").get(0)).isEqualTo("MAP_DUPLICATE_KEY");
        Map<String, Object> rec = (Map<String, Object>) ok("VM.get_record", session, vm);
        assertThat(rec).containsEntry("name_label", "instance-0002").containsEntry("power_state", "Halted");
        assertThat((Map<String, Object>) rec.get("xenstore_data")).containsEntry("vm-data/hostname", "instance-0002");
        assertThat(rec.get("memory_static_max")).isInstanceOf(String.class); // ints travel as strings
        ok("VM.remove_from_xenstore_data", session, vm, "vm-data/hostname");
        assertThat(ok("VM.get_by_uuid", session, rec.get("uuid"))).isEqualTo(vm);
        assertThat((Object[]) ok("VM.get_VBDs", session, vm)).hasSize(1);

        Object[] hosts = (Object[]) ok("host.get_all", session);
        ok("VM.start_on", session, vm, hosts[0], false, false);
        assertThat(ok("VM.get_resident_on", session, vm)).isEqualTo(hosts[0]);
        ok("VM.assert_can_migrate", session, vm, Map.of("host", hosts[1]), true, Map.of(), Map.of(), Map.of());
        ok("VM.pool_migrate", session, vm, hosts[1], Map.of());
        assertThat(ok("VM.get_resident_on", session, vm)).isEqualTo(hosts[1]);
        Map<String, Object> dest = (Map<String, Object>) ok("host.migrate_receive", session, hosts[2], "OpaqueRef:NULL", Map.of());
        ok("VM.migrate_send", session, vm, dest, true, Map.of(), Map.of(), Map.of());
        assertThat(ok("VM.get_resident_on", session, vm)).isEqualTo(hosts[2]);

        assertThat(error("VM.set_memory_limits", session, "OpaqueRef:NULL", "1", "1", "1", "1"))
                .containsExactly("HANDLE_INVALID", "VM", "OpaqueRef:NULL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void asyncTasksAndEventsAndMemoryCapacity() throws Exception {
        String vm = vm("big");
        String size = String.valueOf(100L << 30);
        ok("VM.set_memory_limits", session, vm, size, size, size, size);
        String task = (String) ok("Async.VM.start", session, vm, false, false);
        Map<String, Object> first = (Map<String, Object>) ok("event.from", session, new Object[] {"task/" + task}, "", 0.0);
        String token = (String) first.get("token");
        Map<String, Object> task0 = (Map<String, Object>) ok("task.get_record", session, task);
        if ("pending".equals(task0.get("status"))) {
            Map<String, Object> next = (Map<String, Object>) ok("event.from", session, new Object[] {"task"}, token, 10.0);
            assertThat((Object[]) next.get("events")).isNotEmpty();
        }
        Map<String, Object> done = (Map<String, Object>) ok("task.get_record", session, task);
        assertThat(done.get("status")).isEqualTo("failure");
        assertThat((Object[]) done.get("error_info")).containsExactly("HOST_NOT_ENOUGH_FREE_MEMORY", size,
                String.valueOf(64L << 30));
    }
}
