package io.inception.app.cli;

import io.inception.smoke.report.SmokeRunFolders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code inception report <run>}: the Allure HTML report of a run's smoke tests. */
@Command(name = "report", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = {"Generate the Allure HTML report of a run's smoke tests and print where it is.",
                "Reads $INCEPTION_HOME/runs/<run>/<stage>/allure-results (written by the smoke stage) and writes"
                        + " allure-report/ beside it with Allure's own generator; nothing is downloaded. The results keep"
                        + " the history they were first reported with, so trends come out the same every time."},
        footer = {"", "Examples:", "  inception report r-20261127-0512-ab12", "  inception report .inception/demo/smoke",
                "", "Exit codes: 0 report written; 1 the run has no smoke results."})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Parameters(paramLabel = "RUN", description = "A run id (as `inception runs` prints it), or a folder holding allure-results/.")
    String run;

    @Option(names = "--json", description = "Print one JSON document: the run and the report of each smoke stage.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = store.home().dir();
        List<Path> folders = SmokeRunFolders.find(home, run);
        if (folders.isEmpty()) {
            spec.commandLine().getErr().println("run " + run + " has no smoke results: no " + home.resolve("runs").resolve(run)
                    + "/<stage>/allure-results (did the run have a smoke stage?)");
            return 1;
        }
        List<Map<String, String>> reports = new ArrayList<>();
        for (Path folder : folders) {
            Path index = SmokeRunFolders.report(folder, "Smoke — " + run, run);
            reports.add(Map.of("stage", folder.getFileName().toString(), "index", index.toString()));
            if (!json) out.println("Allure report of " + folder.getFileName() + ": " + index.toUri());
        }
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("run", run);
            doc.put("reports", reports);
            out.println(RunsCommand.JSON.writeValueAsString(doc));
        }
        out.flush();
        return 0;
    }
}
