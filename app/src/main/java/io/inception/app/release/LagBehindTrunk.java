package io.inception.app.release;

import io.inception.app.promotion.SuitePointers;
import io.inception.engine.model.BranchHead;
import io.inception.engine.store.BuildRepository;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lag behind trunk for each environment: the build its apt suite points at, that build's trunk SHA, and the
 * trunk commits it lacks. The operators' rule is under two weeks in production; {@code warnAfter} is the
 * configurable threshold.
 */
public final class LagBehindTrunk {
    private final List<String> environments;
    private final SuitePointers suites;
    private final BuildRepository builds;
    private final TrunkHistory trunk;
    private final Clock clock;
    private final Duration warnAfter;

    public LagBehindTrunk(List<String> environments, SuitePointers suites, BuildRepository builds, TrunkHistory trunk,
                          Clock clock, Duration warnAfter) {
        this.environments = List.copyOf(environments);
        this.suites = suites;
        this.builds = builds;
        this.trunk = trunk;
        this.clock = clock;
        this.warnAfter = warnAfter;
    }

    public Duration warnAfter() {
        return warnAfter;
    }

    public List<EnvironmentLag> all() {
        List<EnvironmentLag> result = new ArrayList<>();
        for (String env : environments) result.add(of(env));
        return result;
    }

    public EnvironmentLag of(String env) {
        Optional<String> build;
        try {
            build = suites.current(env);
        } catch (IOException e) {
            return EnvironmentLag.unknown(env, null, "cannot read suite " + env + ": " + e.getMessage());
        }
        if (build.isEmpty()) return EnvironmentLag.unknown(env, null, env + " runs no build yet");
        BranchHead head = builds.find(build.get()).map(b -> b.trunk()).orElse(null);
        if (head == null) return EnvironmentLag.unknown(env, build.get(), "build " + build.get() + " records no trunk");
        return trunk.missingFrom(head.url(), head.branch(), head.sha())
                .map(m -> EnvironmentLag.of(env, build.get(), m, clock.instant(), warnAfter))
                .orElse(EnvironmentLag.unknown(env, build.get(), "trunk " + head.url() + " cannot be read"));
    }
}
