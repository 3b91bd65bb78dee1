package io.inception.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.inception.app.Inception;
import io.inception.engine.model.Run;
import io.inception.engine.store.RunDetails;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code inception runs} and {@code inception runs show <id>}. */
@Command(name = "runs", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = "List pipeline runs, newest first, with their status.",
        subcommands = {RunsCommand.Show.class, RunsApproveCommand.class},
        footer = {"", "Examples:", "  inception runs", "  inception runs --limit 5 --json", "  inception runs show r-20261127-0001"})
public final class RunsCommand implements Callable<Integer> {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--limit", defaultValue = "20", description = "How many runs to list (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print one JSON document.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        try (Inception inception = store.open()) {
            List<Run> runs = inception.store().runs().list(limit);
            PrintStream out = System.out;
            if (json) {
                out.println(JSON.writeValueAsString(runs));
                return 0;
            }
            if (runs.isEmpty()) {
                out.println("no runs yet — start one with `inception run <pipeline>` or `inception demo`");
                return 0;
            }
            out.printf("%-24s %-12s %-14s %-10s %-22s %s%n", "RUN", "STATUS", "PIPELINE", "TARGET", "CREATED", "BUILD");
            for (Run r : runs) {
                out.printf("%-24s %-12s %-14s %-10s %-22s %s%n", r.id(), r.status(), r.pipeline(),
                        nz(r.target()), r.createdAt(), nz(r.buildId()));
            }
            return 0;
        }
    }

    static String nz(String s) {
        return s == null ? "-" : s;
    }

    /** {@code inception runs show <id>}. */
    @Command(name = "show", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
            description = "Show one run: its stages with status, attempts, timings and messages, then the logs.")
    static final class Show implements Callable<Integer> {
        @Mixin
        StoreOptions store = new StoreOptions();

        @Parameters(paramLabel = "RUN_ID", description = "The run id, as printed by `inception runs`.")
        String runId;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            try (Inception inception = store.open()) {
                Optional<RunDetails> details = inception.store().details(runId);
                if (details.isEmpty()) {
                    System.err.println("inception: no run '" + runId + "'; `inception runs` lists the runs");
                    return 2;
                }
                if (json) {
                    System.out.println(JSON.writeValueAsString(details.get()));
                } else {
                    RunReport.print(details.get(), inception.store().builds(), System.out);
                }
                return 0;
            }
        }
    }
}
