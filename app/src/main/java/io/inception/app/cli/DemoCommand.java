package io.inception.app.cli;

import io.inception.app.InceptionHome;
import io.inception.app.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code inception demo}: the main job on the embedded default. */
@Command(name = "demo", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110,
        description = {"Run the main job on the embedded default, under $INCEPTION_HOME/demo (./.inception/demo):",
                "sample trunk and three custom branches -> pipeline read through git -> merge train (one conflict,"
                        + " skipped and attributed to the trunk commit that caused it) -> unit tests of the candidate"
                        + " -> Debian packages in the signed apt snapshot builds/<id>, suite qe pointed at it -> report. The run is stored: `inception runs` shows it afterwards."},
        footer = {"", "Exit codes: 0 the pipeline succeeded and the conflict was attributed; 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--json", description = "Print only one JSON document: the run, the build, the merge report and the unit-test report.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintStream out = json ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
        {
            Demo.Result result = new Demo(store::open, store.home().dir(), InceptionHome.sourceRoot(), Clock.systemUTC(), out).run();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ok", result.ok());
                doc.put("run", result.run());
                doc.put("build", result.build());
                doc.put("merge", result.merge());
                doc.put("unitTests", result.unitTests());
                doc.put("packages", result.packages());
                doc.put("aptLine", result.aptLine());
                doc.put("controlPlane", result.controlPlane());
                doc.put("puppet", result.puppet());
                doc.put("rollout", result.rollout());
                doc.put("smoke", result.smoke());
                doc.put("allureReport", result.allureReport() == null ? null : result.allureReport().toString());
                doc.put("lab", result.lab().lab());
                doc.put("labReaped", result.lab().reaped());
                doc.put("expectedCulprit", result.expectedCulprit());
                System.out.println(RunsCommand.JSON.writeValueAsString(doc));
            }
            return result.ok() ? 0 : 1;
        }
    }
}
