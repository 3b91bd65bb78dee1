package io.inception.app.cli;

import io.inception.app.InceptionHome;
import io.inception.app.demo.Demo;
import io.inception.app.release.ReleaseManifests;
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
        description = {"Run the whole flow on the sandbox, under $INCEPTION_HOME/demo (./.inception/demo), one progress line"
                + " per stage:",
                "sample trunk and three custom branches -> the sandbox (200 compute hosts in two cells behind real SSH,"
                        + " the sandbox iNova, the apt repository served over HTTP) -> pipeline trunk-to-qe read through git"
                        + " -> merge train (one conflict, skipped and attributed to the trunk commit that caused it) -> unit"
                        + " tests of the candidate -> Debian packages in the signed apt snapshot builds/<id> -> iNova control"
                        + " plane of two cells -> Puppet on it -> rollout over the 200 hosts (one broken host rolled back"
                        + " within the failure budget) -> smoke tests with an Allure report -> a developer's virtual lab ->"
                        + " report. Everything is stored: `inception runs`, `builds show`, `rollout show` see it afterwards."},
        footer = {"", "Exit codes: 0 the pipeline succeeded and the conflict was attributed; 1 otherwise."})
public final class DemoCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--json", description = "Print only one JSON document: the build's release manifest, and what"
            + " each step reported (run, merge, unit tests, packages, control plane, Puppet, rollout, smoke, lab).")
    boolean json;

    @Option(names = "--web", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8481",
            description = "Where the web UI listens while the demo runs (default: ${DEFAULT-VALUE}; a taken port falls back"
                    + " to a free one; 'none' for no web UI).")
    String web;

    @Option(names = "--serve", description = "After the report, keep the web UI and the sandbox up until Ctrl-C, to look"
            + " around (sign in with a user of .inception/demo/demo-users.txt).")
    boolean serve;

    @Override
    public Integer call() throws Exception {
        PrintStream out = json ? new PrintStream(OutputStream.nullOutputStream()) : System.out;
        {
            Demo.Web ui = web.equals("none") ? Demo.Web.NONE : new Demo.Web(address(web), serve);
            Demo.Result result = new Demo(store::open, store.home().dir(), InceptionHome.sourceRoot(), Clock.systemUTC(), out)
                    .withWeb(ui).run();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("ok", result.ok());
                if (result.build() != null) {
                    try (var s = store.openStore()) {
                        doc.put("releaseManifest", new ReleaseManifests(s).of(result.build().id()).orElse(null));
                    }
                }
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
                doc.put("promotion", result.promotion() == null ? null : result.promotion().outcome());
                doc.put("webUrl", result.webUrl());
                doc.put("lab", result.lab().lab());
                doc.put("labReaped", result.lab().reaped());
                doc.put("expectedCulprit", result.expectedCulprit());
                System.out.println(RunsCommand.JSON.writeValueAsString(doc));
            }
            return result.ok() ? 0 : 1;
        }
    }

    private static java.net.InetSocketAddress address(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon < 0) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(new DemoCommand()),
                "--web wants HOST:PORT, e.g. 127.0.0.1:8481, or 'none'; got " + hostPort);
        return new java.net.InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)));
    }
}
