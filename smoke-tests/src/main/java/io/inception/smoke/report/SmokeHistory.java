package io.inception.smoke.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Allure history carried between an environment's runs, so the report shows trends: before a
 * run's report is made, the environment's latest history is copied into the run's results
 * ({@code allure-results/history/}, so the run can be re-generated later to the same report); after
 * it is made, the report's new history becomes the environment's latest.
 *
 * @param root the folder holding one history folder per environment
 */
public record SmokeHistory(Path root) {
    /** Where an environment's latest history lives. */
    public Path of(String environment) {
        if (!environment.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) throw new IllegalArgumentException("bad environment name " + environment);
        return root.resolve(environment).resolve("history");
    }

    /** Copies the environment's latest history into a run's results; returns how many files. */
    public int carryInto(String environment, Path results) {
        try {
            return Folders.copyFiles(of(environment), results.resolve("history"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Allure history of " + environment + " into " + results, e);
        }
    }

    /** Keeps a generated report's history as the environment's latest. */
    public void keepFrom(String environment, Path report) {
        try {
            Folders.copyFiles(report.resolve("history"), of(environment));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Allure history of " + report, e);
        }
    }
}
