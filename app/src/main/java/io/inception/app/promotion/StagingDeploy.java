package io.inception.app.promotion;

/**
 * Deploys an environment from a build's snapshot and Puppet commit and checks it: Puppet, the rollout over
 * its hosts, its smoke suite. Called by {@link PromotionService} after the environment's apt suite points
 * at the build. A failed deploy must leave the hosts on what they ran before (the rollout rolls back).
 */
@FunctionalInterface
public interface StagingDeploy {
    Outcome deploy(Request request);

    /** As {@link #deploy(Request)}, telling {@code progress} each step (the promotion page shows them). */
    default Outcome deploy(Request request, java.util.function.Consumer<String> progress) {
        return deploy(request);
    }

    /**
     * @param environment  e.g. {@code staging}
     * @param buildId      the build
     * @param snapshot     the apt snapshot its suite now points at, {@code builds/<id>}
     * @param puppetCommit the Puppet manifest commit to apply, or null when the build recorded none
     * @param promotionId  the promotion this deploy belongs to (for logs and idempotence)
     * @param previousBuild the build the environment's suite pointed at before, or null (a failed deploy puts the
     *                     suite back on it before rolling hosts back, so that apt finds their previous version)
     */
    record Request(String environment, String buildId, String snapshot, String puppetCommit, String promotionId,
                   String previousBuild) {
    }

    /** How the deploy went. */
    sealed interface Outcome {
        record Deployed(String summary) implements Outcome { }

        record Failed(String reason) implements Outcome { }
    }
}
