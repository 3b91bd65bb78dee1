package io.inception.app.promotion;

import io.inception.app.access.AuditTrail;
import io.inception.app.access.PasswordHasher;
import io.inception.app.access.Tokens;
import io.inception.app.access.UserDirectory;
import io.inception.engine.store.Store;
import io.inception.packaging.Packaging;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * The one place promotion's collaborators are chosen, for the CLI and the server alike: the gate, the suites
 * and the staging deploy. {@link #stagingDeploy} is where the real deploy (Puppet, rollout, smoke on staging)
 * is plugged in; until it is, a promotion fails with a message saying so and staging stays where it was.
 */
public final class PromotionWiring {
    private PromotionWiring() {
    }

    /** QE must have passed: the {@code smoke} build fact. */
    public static PromotionGate gate(Store store) {
        return new SmokeFactGate(store.builds());
    }

    /** Deploys staging; not yet wired to Puppet + rollout + smoke. */
    public static StagingDeploy stagingDeploy() {
        return request -> new StagingDeploy.Outcome.Failed("no staging deploy is configured in this Inception"
                + " (Puppet, rollout and smoke on " + request.environment() + " are not wired yet)");
    }

    public static PromotionService service(Store store, Packaging packaging, StagingDeploy deploy, Clock clock) {
        return new PromotionService(store, gate(store), new AptSuitePointers(packaging), deploy,
                new AuditTrail(store.audit(), clock), clock, new PromotionIds(store.promotions(), clock));
    }

    public static UserDirectory users(Store store, Clock clock) {
        return new UserDirectory(store.users(), PasswordHasher.standard(), new Tokens(new SecureRandom()),
                new AuditTrail(store.audit(), clock), clock);
    }
}
