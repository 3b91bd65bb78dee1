package io.inception.app.web;

import io.inception.app.access.AuditTrail;
import io.inception.app.promotion.AptSuitePointers;
import io.inception.app.promotion.EnvironmentFiles;
import io.inception.app.promotion.PromotionWiring;
import io.inception.app.promotion.PromotionWorker;
import io.inception.app.promotion.StagingDeploy;
import io.inception.app.release.GitTrunkHistory;
import io.inception.app.release.LagBehindTrunk;
import io.inception.app.release.ReleaseManifests;
import io.inception.engine.store.Store;
import io.inception.packaging.Packaging;
import io.inception.xen.lab.LabService;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires {@link WebServices} from a store, the apt repository, the environment files and the staging deploy.
 * Promotions run on a background worker: a promote request answers 202 at once.
 */
public final class WebApp {
    private WebApp() {
    }

    /**
     * @param environments the environments whose lag is shown (their apt suites)
     * @param labs         the lab service, or null
     * @param cacheDir     where the trunk mirror for lag is kept
     * @param runsDir      {@code <home>/runs}: the Allure reports served under /reports/
     */
    public static WebServices services(Store store, Packaging packaging, EnvironmentFiles files, StagingDeploy deploy,
                                       List<String> environments,
                                       Duration lagWarn, LabService labs, Path cacheDir, Path runsDir, Clock clock) {
        return new WebServices(store, new ReleaseManifests(store),
                PromotionWiring.service(store, packaging, files, deploy, clock,
                        PromotionWorker.background(store.promotions(), clock)), PromotionWiring.users(store, clock),
                new AuditTrail(store.audit(), clock),
                new LagBehindTrunk(environments, new AptSuitePointers(packaging), store.builds(),
                        new GitTrunkHistory(cacheDir), clock, lagWarn),
                labs, clock, Duration.ofMillis(500), runsDir);
    }
}
