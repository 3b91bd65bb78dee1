package io.inception.puppet.apply;

import java.util.List;

/**
 * A Puppet run report ({@code last_run_report.yaml}) as typed values.
 *
 * @param host          the certname the run used
 * @param status        {@code changed}, {@code unchanged} or {@code failed}
 * @param noop          a noop (drift) run
 * @param puppetVersion the agent's version
 * @param resources     every resource that was changed, failed or out of sync (the rest is omitted)
 * @param errors        error-level log messages (a compile error has no resource)
 */
public record PuppetReport(String host, String status, boolean noop, String puppetVersion, List<ResourceStatus> resources,
                           List<String> errors) {
    public PuppetReport {
        resources = List.copyOf(resources);
        errors = List.copyOf(errors);
    }

    public List<ResourceStatus> changed() {
        return resources.stream().filter(ResourceStatus::changed).toList();
    }

    public List<ResourceStatus> failed() {
        return resources.stream().filter(ResourceStatus::failed).toList();
    }

    public List<ResourceStatus> outOfSync() {
        return resources.stream().filter(ResourceStatus::outOfSync).toList();
    }
}
