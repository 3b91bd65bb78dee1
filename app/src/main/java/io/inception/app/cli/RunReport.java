package io.inception.app.cli;

import io.inception.engine.model.BranchHead;
import io.inception.engine.model.Build;
import io.inception.engine.model.Run;
import io.inception.engine.model.StageRun;
import io.inception.engine.store.BuildRepository;
import io.inception.engine.store.LogLine;
import io.inception.engine.store.RunDetails;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** Prints a run for people: header, stages with timings, the build, then the logs. */
final class RunReport {
    private RunReport() {
    }

    static void print(RunDetails details, BuildRepository builds, PrintStream out) {
        Run run = details.run();
        out.printf("run %s  %s  pipeline %s @ %s  target %s%n", run.id(), run.status(), run.pipeline(),
                short7(run.pipelineCommit()), RunsCommand.nz(run.target()));
        out.printf("created %s, started %s, finished %s%s%n", run.createdAt(), RunsCommand.nz(str(run.startedAt())),
                RunsCommand.nz(str(run.finishedAt())), duration(run.startedAt(), run.finishedAt()));
        out.println();
        out.println("stages:");
        for (StageRun s : details.stages()) {
            out.printf("  %-2d %-14s %-10s attempt %d%s%s%n", s.index() + 1, s.name(), s.status(), s.attempt(),
                    duration(s.startedAt(), s.finishedAt()), s.message() == null ? "" : "  " + s.message());
        }
        if (run.buildId() != null) {
            builds.find(run.buildId()).ifPresent(b -> printBuild(b, out));
        }
        if (!details.logs().isEmpty()) {
            out.println();
            out.println("logs:");
            for (LogLine l : details.logs()) {
                out.printf("  %s [%s] %-5s %s%n", l.at(), l.stage(), l.severity(), l.message());
            }
        }
    }

    static void printBuild(Build b, PrintStream out) {
        out.println();
        out.printf("build %s: candidate %s%n", b.id(), b.candidateSha() == null ? "(none)" : b.candidateSha());
        out.printf("  trunk   %s#%s @ %s%n", b.trunk().url(), b.trunk().branch(), short7(b.trunk().sha()));
        for (BranchHead h : b.branches()) {
            out.printf("  %-10s %s @ %s  (%s)%n", h.status(), h.name(), short7(h.sha()), h.url());
        }
    }

    static String short7(String sha) {
        return sha == null ? "-" : sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    private static String str(Instant i) {
        return i == null ? null : i.toString();
    }

    static String duration(Instant from, Instant to) {
        if (from == null || to == null) return "";
        Duration d = Duration.between(from, to);
        return String.format("  (%d.%01d s)", d.toSeconds(), d.toMillisPart() / 100);
    }
}
