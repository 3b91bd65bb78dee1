package io.inception.app.cli;

import io.inception.app.Inception;
import io.inception.app.access.Actor;
import io.inception.app.access.AuditTrail;
import io.inception.app.approval.Approvals;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code inception runs approve <run> <stage>}: opens (or with {@code --reject} closes) a pipeline's manual gate. */
@Command(name = "approve", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = {"Approve a run waiting at an `approval` stage, or reject it (the stage then fails).",
                "Only a release manager may; every attempt is in the audit log. Who you are: the API token in"
                        + " $INCEPTION_TOKEN or --token-file (`inception users token <name>`)."},
        footer = {"", "Examples:", "  inception runs approve r-20261127-081305-9fd8 approve-staging",
                "  inception runs approve r-20261127-081305-9fd8 approve-staging --reject --comment 'smoke flaky, rerun'",
                "", "Exit codes: 0 decided; 1 refused (no such waiting stage); 3 not signed in; 4 not allowed."})
public final class RunsApproveCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(index = "0", paramLabel = "RUN", description = "The run.")
    String runId;

    @Parameters(index = "1", paramLabel = "STAGE", description = "The name of its approval stage.")
    String stage;

    @Option(names = "--reject", description = "Reject instead: the stage fails and the run stops there.")
    boolean reject;

    @Option(names = "--comment", paramLabel = "TEXT", description = "Why, for the audit log and the run's log.")
    String comment;

    @Mixin
    ApiTokenOptions who = new ApiTokenOptions();

    @Override
    public Integer call() throws IOException {
        try (Inception inception = store.open()) {
            Clock clock = Clock.systemUTC();
            Optional<Actor> actor = who.actor(inception.store(), clock);
            if (actor.isEmpty()) {
                System.err.println("inception runs approve: who are you? Set INCEPTION_TOKEN (or --token-file) to an API"
                        + " token from `inception users token <name>`");
                return 3;
            }
            Approvals.Outcome outcome = new Approvals(inception.store(), new AuditTrail(inception.store().audit(), clock))
                    .decide(actor.get(), runId, stage, !reject, comment);
            if (outcome instanceof Approvals.Outcome.Decided) {
                System.out.println(outcome.message());
                return 0;
            }
            System.err.println("inception runs approve: " + outcome.message());
            return outcome instanceof Approvals.Outcome.Denied ? 4 : 1;
        }
    }
}
