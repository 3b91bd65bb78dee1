package io.inception.smoke.suite;

import io.inception.engine.fleet.CommandResult;
import io.inception.engine.fleet.HostTarget;
import io.inception.engine.fleet.RemoteCommand;
import io.inception.smoke.deployed.DeployedEnvironment;
import io.inception.smoke.openstack.Nova;
import io.qameta.allure.Allure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The upgraded compute hosts: each reports the build's package version (over SSH, {@code dpkg-query})
 * and Nova sees its nova-compute service up and enabled ({@code os-services}).
 */
@Tag("smoke")
@Tag("compute")
@ExtendWith(SmokeContext.class)
public class ComputeHostsSmoke {
    @Test
    @DisplayName("Every compute host has the expected package version installed")
    public void everyHostRunsTheExpectedVersion(SmokeSession session, DeployedEnvironment env) {
        String pkg = env.packageName();
        RemoteCommand query = RemoteCommand.of("dpkg-query", "-W", "-f", "${Version}\\t${Status}\\n", pkg);
        Map<HostTarget, CommandResult> answers = HostChecks.onEveryHost(session, query);
        HostChecks.expectOnEveryHost(session, answers, host -> "host " + host.name() + ": " + pkg + " is " + env.expectedVersion(),
                (host, result) -> versionProblem(env, result));
    }

    private static Optional<String> versionProblem(DeployedEnvironment env, CommandResult result) {
        if (!(result instanceof CommandResult.Completed c) || !c.ok()) {
            return Optional.of("cannot read the version of " + env.packageName() + ": " + result.describe());
        }
        String[] fields = c.stdout().strip().split("\t", 2);
        String version = fields[0];
        String status = fields.length > 1 ? fields[1] : "";
        if (!version.equals(env.expectedVersion())) {
            return Optional.of(env.packageName() + " is " + version + ", expected " + env.expectedVersion()
                    + (env.aptSnapshot() == null ? "" : " from " + env.aptSnapshot()));
        }
        if (!status.isEmpty() && !status.equals("install ok installed")) {
            return Optional.of(env.packageName() + " " + version + " is '" + status + "', not 'install ok installed'");
        }
        return Optional.empty();
    }

    @Test
    @DisplayName("Nova reports nova-compute up and enabled on every compute host")
    public void novaComputeIsUpAndEnabledOnEveryHost(SmokeSession session, DeployedEnvironment env) {
        List<Nova.ComputeService> services = Allure.step("GET /os-services?binary=nova-compute",
                () -> new Nova(session.cloud()).computeServices());
        Allure.addAttachment("os-services", String.join("\n", services.stream().map(Nova.ComputeService::toString).toList()));
        Map<String, Nova.ComputeService> byHost = services.stream()
                .collect(Collectors.toMap(Nova.ComputeService::host, Function.identity(), (a, b) -> a));
        Map<HostTarget, Nova.ComputeService> perHost = new LinkedHashMap<>();
        env.computeHosts().forEach(h -> perHost.put(h, byHost.get(h.name())));
        HostChecks.expectOnEveryHost(session, perHost,
                host -> "host " + host.name() + ": nova-compute up and enabled", (host, service) -> {
                    if (service == null) return Optional.of("Nova has no nova-compute service on this host");
                    if (service.upAndEnabled()) return Optional.empty();
                    return Optional.of("nova-compute is " + service.state() + " and " + service.status()
                            + (service.disabledReason() == null ? "" : " (" + service.disabledReason() + ")"));
                });
    }
}
