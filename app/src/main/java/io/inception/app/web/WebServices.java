package io.inception.app.web;

import io.inception.app.access.AuditTrail;
import io.inception.app.access.UserDirectory;
import io.inception.app.promotion.PromotionService;
import io.inception.app.release.LagBehindTrunk;
import io.inception.app.release.ReleaseManifests;
import io.inception.engine.store.Store;

import java.time.Clock;
import java.time.Duration;

/**
 * What the web server's handlers call: each handler parses, calls one of these, renders.
 *
 * @param store          runs, rollouts, audit
 * @param manifests      release manifests and build lists
 * @param promotions     promotion, approval, rollback
 * @param users          logins, sessions, tokens
 * @param audit          the audit trail
 * @param lag            lag behind trunk per environment
 * @param labs           the lab service, or null when no XenServer pool is configured
 * @param clock          the clock
 * @param feedInterval   how often the live rollout feed looks at the store
 * @param runsDir        {@code <home>/runs}, where the Allure reports of runs and promotions are, or null
 * @param runs           starts runs on request ({@code POST /api/runs}), or null when this server starts none
 */
public record WebServices(Store store, ReleaseManifests manifests, PromotionService promotions, UserDirectory users,
                          AuditTrail audit, LagBehindTrunk lag, io.inception.xen.lab.LabService labs, Clock clock,
                          Duration feedInterval, java.nio.file.Path runsDir, RunStarter runs) {
    /** Starting no runs through the API. */
    public WebServices(Store store, ReleaseManifests manifests, PromotionService promotions, UserDirectory users,
                       AuditTrail audit, LagBehindTrunk lag, io.inception.xen.lab.LabService labs, Clock clock,
                       Duration feedInterval, java.nio.file.Path runsDir) {
        this(store, manifests, promotions, users, audit, lag, labs, clock, feedInterval, runsDir, null);
    }

    /** The same services, starting runs through {@code starter}. */
    public WebServices withRuns(RunStarter starter) {
        return new WebServices(store, manifests, promotions, users, audit, lag, labs, clock, feedInterval, runsDir, starter);
    }

    /** Without reports. */
    public WebServices(Store store, ReleaseManifests manifests, PromotionService promotions, UserDirectory users,
                       AuditTrail audit, LagBehindTrunk lag, io.inception.xen.lab.LabService labs, Clock clock,
                       Duration feedInterval) {
        this(store, manifests, promotions, users, audit, lag, labs, clock, feedInterval, null);
    }
}
