package io.inception.app.promotion;

import io.inception.engine.store.BuildRepository;
import io.inception.smoke.stage.SmokeGate;

/**
 * Opens when the environment a target is promoted from ({@code promotion.from} of the target's file,
 * default {@code qe}) ran its smoke suite on the build and it passed: the smoke-tests module's
 * {@link SmokeGate} on the build fact {@code smoke:<from>} that the smoke stage writes.
 */
public final class SmokePassedGate implements PromotionGate {
    private final BuildRepository builds;
    private final EnvironmentFiles environments;

    public SmokePassedGate(BuildRepository builds, EnvironmentFiles environments) {
        this.builds = builds;
        this.environments = environments;
    }

    /** The environment whose smoke suite gates promotion to {@code environment}. */
    public String source(String environment) {
        return environments.find(environment).map(PromotionSection::of).orElse(PromotionSection.Settings.DEFAULT).from();
    }

    @Override
    public Verdict check(String buildId, String environment) {
        if (builds.find(buildId).isEmpty()) return new Verdict.Closed("there is no build " + buildId);
        String from;
        try {
            from = source(environment);
        } catch (RuntimeException e) {
            return new Verdict.Closed("cannot read the environment file of " + environment + ": " + e.getMessage());
        }
        SmokeGate.Decision d = SmokeGate.decide(builds, buildId, from);
        return d.open() ? new Verdict.Open(d.reason()) : new Verdict.Closed(d.reason());
    }
}
