package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.app.access.Actor;
import io.inception.app.promotion.EnvironmentFiles;
import io.inception.app.promotion.PromotionOutcome;
import io.inception.app.promotion.PromotionService;
import io.inception.app.promotion.PromotionWiring;
import io.inception.app.promotion.StagingDeploy;
import io.inception.engine.store.Promotion;
import io.inception.packaging.Packaging;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** {@code inception promote}. */
@Command(name = "promote", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = {"Promote a build that passed QE to an environment (staging): its apt suite is repointed at the",
                "build's snapshot (nothing is rebuilt), the build's Puppet commit is deployed, staging's smoke suite runs.",
                "Only release managers promote and approve; developers may --request. A failed promotion leaves the",
                "environment on its previous build. Who you are comes from an API token (`inception users token`).",
                "The gate: the build passed the smoke suite of the environment named by promotion.from in the target's",
                "file (default qe). The deploy reads the target's file at --repo/--ref: Puppet on the control VMs at the",
                "build's manifest commit, the build's package over its hosts (its waves and failure budget, rollback: all),",
                "its smoke suite against promotion.smoke-cloud; any failure rolls the hosts back.",
                "With --server (or $INCEPTION_SERVER) the command asks a running `inception server`'s API: the server's",
                "worker carries the promotion out; this command follows it, printing each step, until it ends (--no-wait:",
                "return once it started). Without a server the promotion runs in this process."},
        footer = {"", "Exit status: 0 promoted, requested or (--no-wait) started, 1 the deploy failed, 2 refused (QE not passed, busy), 3 denied.",
                "", "Examples:", "  export INCEPTION_TOKEN=inc_...", "  inception promote b-20261127-0001 --to staging",
                "  inception promote --rollback staging", "  inception promote --request b-20261127-0001 --to staging",
                "  inception promote --approve p-20261127-0002", "  inception promote --list",
                "  inception promote --server http://127.0.0.1:8481 --no-wait b-20261127-0001"})
public final class PromoteCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    ConfigRepoOptions config = new ConfigRepoOptions();

    @Parameters(arity = "0..1", paramLabel = "BUILD_ID", description = "The build to promote.")
    String buildId;

    @Option(names = "--to", defaultValue = "staging", description = "Environment (default: ${DEFAULT-VALUE}).")
    String to;

    @ArgGroup(exclusive = true)
    Mode mode = new Mode();

    static final class Mode {
        @Option(names = "--rollback", paramLabel = "ENV", description = "Re-promote ENV's previous good build.")
        String rollback;

        @Option(names = "--request", description = "Only ask for the promotion; a release manager approves it.")
        boolean request;

        @Option(names = "--approve", paramLabel = "PROMOTION_ID", description = "Approve a requested promotion.")
        String approve;

        @Option(names = "--list", description = "List promotions, newest first.")
        boolean list;
    }

    @Mixin
    ApiTokenOptions who = new ApiTokenOptions();

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:INCEPTION_SERVER}",
            description = "An `inception server` to ask through its API (default: $INCEPTION_SERVER; none: run here).")
    String server;

    @Option(names = "--no-wait", description = "With --server: return once the promotion started, don't follow it.")
    boolean noWait;

    @Option(names = "--poll", paramLabel = "DURATION", defaultValue = "1s", hidden = true,
            description = "How often a followed promotion is looked at (default: ${DEFAULT-VALUE}).")
    String poll;

    private final Supplier<StagingDeploy> deploy;

    /** Deploys as the environment files at --repo/--ref say (Puppet, rollout, smoke). */
    public PromoteCommand() {
        this(null);
    }

    /** With another deploy (tests). */
    public PromoteCommand(Supplier<StagingDeploy> deploy) {
        this.deploy = deploy;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (server != null && !server.isBlank()) return overApi();
        if (noWait) {
            System.err.println("inception promote: --no-wait needs --server (or $INCEPTION_SERVER): without a server the"
                    + " promotion runs in this command, which cannot return before it ends");
            return 2;
        }
        try (Inception inception = store.open()) {
            if (mode.list) {
                for (Promotion p : inception.store().promotions().list(50)) {
                    System.out.printf("%-16s %-22s %-10s %-10s requested by %s%s  %s%n", p.id(), p.buildId(),
                            p.environment(), p.status(), p.requestedBy(),
                            p.approvedBy() == null ? "" : ", approved by " + p.approvedBy(), p.message());
                }
                return 0;
            }
            Clock clock = Clock.systemUTC();
            Optional<Actor> actor = who.actor(inception.store(), clock);
            if (actor.isEmpty()) {
                System.err.println("inception promote: who are you? Set INCEPTION_TOKEN (or --token-file) to an API token"
                        + " from `inception users token <name>`");
                return 3;
            }
            Packaging packaging = inception.home().packaging(clock);
            EnvironmentFiles environments = EnvironmentFiles.at(config.location(), config.ref());
            StagingDeploy d = deploy != null ? deploy.get() : PromotionWiring.environmentDeploy(inception.store(),
                    inception.home().dir(), packaging, environments, Path.of(config.location()), clock,
                    line -> System.out.println("  " + line));
            PromotionService service = PromotionWiring.service(inception.store(), packaging, environments, d, clock);
            PromotionOutcome outcome;
            if (mode.rollback != null) {
                outcome = service.rollback(actor.get(), mode.rollback);
            } else if (mode.approve != null) {
                outcome = service.approve(actor.get(), mode.approve);
            } else if (buildId == null) {
                System.err.println("inception promote: name a build, e.g. `inception promote b-20261127-0001 --to staging`");
                return 2;
            } else {
                outcome = mode.request ? service.request(actor.get(), buildId, to) : service.promote(actor.get(), buildId, to);
            }
            return report(outcome);
        }
    }

    /** The same through a server's API; the server's worker deploys, this follows unless --no-wait. */
    private int overApi() throws IOException, InterruptedException {
        Optional<String> token = who.token();
        if (token.isEmpty()) {
            System.err.println("inception promote: who are you? Set INCEPTION_TOKEN (or --token-file) to an API token"
                    + " from `inception users token <name>`");
            return 3;
        }
        PromotionClient api = new PromotionClient(server, token.get());
        if (mode.list) {
            PromotionClient.Answer a = api.get("/api/promotions?limit=50");
            if (a.status() != 200) return refused(a);
            a.body().forEach(p -> System.out.printf("%-16s %-22s %-10s %-10s requested by %s  %s%n", p.path("id").asText(),
                    p.path("buildId").asText(), p.path("environment").asText(), p.path("status").asText(),
                    p.path("requestedBy").asText(), p.path("message").asText()));
            return 0;
        }
        PromotionClient.Answer a;
        if (mode.rollback != null) {
            a = api.post("/api/environments/" + mode.rollback + "/rollback", java.util.Map.of());
        } else if (mode.approve != null) {
            a = api.post("/api/promotions/" + mode.approve + "/approve", java.util.Map.of());
        } else if (buildId == null) {
            System.err.println("inception promote: name a build, e.g. `inception promote b-20261127-0001 --to staging`");
            return 2;
        } else {
            a = api.post("/api/promotions", java.util.Map.of("build", buildId, "to", to, "request", mode.request));
        }
        boolean started = a.status() == 202 && "started".equals(a.body().path("outcome").asText());
        if (!started) return a.status() / 100 == 2 ? ok(a.message()) : refused(a);
        String id = a.promotionId();
        System.out.println(a.message() + " (" + api.page(id) + ")");
        if (noWait) return 0;
        var end = api.follow(id, RunCommand.Durations.parse(poll), java.time.Duration.ofDays(2), System.out).path("promotion");
        if (end.path("status").asText().equals("SUCCEEDED")) {
            return ok("promoted " + end.path("buildId").asText() + " to " + end.path("environment").asText() + " ("
                    + id + "): " + end.path("message").asText());
        }
        System.err.println("inception promote: promotion " + id + " " + end.path("status").asText() + ": "
                + end.path("message").asText());
        return 1;
    }

    private static int ok(String message) {
        System.out.println(message);
        return 0;
    }

    private static int refused(PromotionClient.Answer a) {
        boolean denied = a.status() == 401 || a.status() == 403;
        System.err.println("inception promote: " + (denied ? "denied: " : "") + a.message());
        return denied ? 3 : a.status() == 409 ? 2 : 1;
    }

    static int report(PromotionOutcome outcome) {
        if (outcome instanceof PromotionOutcome.Promoted || outcome instanceof PromotionOutcome.Requested
                || outcome instanceof PromotionOutcome.Started) {
            System.out.println(outcome.message());
            return 0;
        }
        System.err.println("inception promote: " + (outcome instanceof PromotionOutcome.Denied ? "denied: " : "")
                + outcome.message());
        return outcome instanceof PromotionOutcome.Failed ? 1 : outcome instanceof PromotionOutcome.Refused ? 2 : 3;
    }
}
