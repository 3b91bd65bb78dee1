package io.inception.app.demo;

import io.inception.sandbox.ssh.HostEndpoint;

import java.util.List;

/**
 * The demo's {@code local} environment file, rendered for the running {@link DemoSandbox}: its two cells of
 * compute hosts with their loopback addresses and SSH port, the sandbox's SSH key, the default waves and
 * failure budget, the control plane on the sandbox iNova (the API cell and one cell per compute cell), the
 * Puppet roles of the VMs the provisioner names {@code local-<cell>-<role>-<n>}, and the smoke suite.
 */
final class DemoEnvironment {
    private DemoEnvironment() {
    }

    static String render(DemoSandbox sandbox) {
        List<HostEndpoint> hosts = sandbox.fleet().endpoints();
        StringBuilder addresses = new StringBuilder();
        for (HostEndpoint h : hosts) addresses.append("    ").append(h.name()).append(": ").append(h.address()).append('\n');
        String c1 = range(hosts, "c1");
        String c2 = range(hosts, "c2");
        return """
                # Rendered by `inception demo` for the sandbox it started (do not edit: the next demo rewrites it).
                name: local
                description: The demo's sandbox - %d compute hosts in two cells behind real SSH, the sandbox iNova
                cells:
                  - name: c1
                    hosts: ["%s"]
                  - name: c2
                    hosts: ["%s"]
                ssh:
                  user: %s
                credentials:
                  ssh-key: {file: %s}
                waves:
                  - {name: canary, size: 1}
                  - {name: five-percent, size: 5%%}
                  - {name: quarter, size: 25%%}
                  - {name: rest, size: rest}
                failure-budget:
                  max-failed: 2%%
                rollout:
                  max-parallel: 50
                  port: %d
                  command-timeout: 30s
                  addresses:
                %scontrol-plane:
                  inova: sandbox
                  defaults: {image: debian-12, boot-timeout: 2m}
                  api:
                    nova-api: {flavor: m1.small, count: 2, anti-affinity: nova-api}
                    keystone: {flavor: m1.small}
                    glance: {flavor: m1.small}
                    api-db: {flavor: m1.small}
                    api-mq: {flavor: m1.small}
                  cell:
                    scheduler: {flavor: m1.small}
                    cell-db: {flavor: m1.small}
                    cell-mq: {flavor: m1.small}
                puppet:
                  path: environments/puppet
                  roles:
                    - {role: keystone, hosts: [local-api-keystone-1]}
                    - {role: glance, hosts: [local-api-glance-1]}
                    - {role: nova_api, hosts: ["local-api-nova-api-[1:2]"]}
                    - {role: cell_mysql, hosts: [local-api-api-db-1, local-c1-cell-db-1, local-c2-cell-db-1]}
                    - {role: cell_rabbitmq, hosts: [local-api-api-mq-1, local-c1-cell-mq-1, local-c2-cell-mq-1]}
                    - {role: nova_scheduler, hosts: [local-c1-scheduler-1, local-c2-scheduler-1]}
                    - {role: nova_conductor, hosts: [local-c1-scheduler-1, local-c2-scheduler-1]}
                  hiera:
                    inception::endpoints:
                      keystone: %s
                      glance: http://local-api-glance-1:9292
                      nova: http://local-api-nova-api-1:8774
                smoke:
                  tags: smoke
                """.formatted(hosts.size(), c1, c2, sandbox.fleet().user(),
                sandbox.fleet().privateKeyFile().toAbsolutePath(), sandbox.fleet().port(), addresses,
                sandbox.inova().authUrl());
    }

    /** {@code c1-[001:100]}: the fleet names hosts {@code <cell>-<nnn>} with one counter over both cells. */
    private static String range(List<HostEndpoint> hosts, String cell) {
        List<String> names = hosts.stream().filter(h -> h.cell().equals(cell)).map(HostEndpoint::name).toList();
        String first = names.get(0).substring(cell.length() + 1);
        String last = names.get(names.size() - 1).substring(cell.length() + 1);
        return cell + "-[" + first + ":" + last + "]";
    }
}
