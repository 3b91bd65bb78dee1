package io.inception.smoke.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the smoke results of a run: every stage folder under {@code <home>/runs/<run>/} that holds
 * {@code allure-results/}, or a folder given directly.
 */
public final class SmokeRunFolders {
    /** Sub-folder with the Allure results (written by the suite). */
    public static final String RESULTS = "allure-results";
    /** Sub-folder with the generated HTML report. */
    public static final String REPORT = "allure-report";

    private SmokeRunFolders() {
    }

    /** The smoke stage folders of {@code runOrFolder}: a run id under {@code home}, or a folder path. */
    public static List<Path> find(Path home, String runOrFolder) {
        Path direct = Path.of(runOrFolder);
        if (Files.isDirectory(direct.resolve(RESULTS))) return List.of(direct.toAbsolutePath());
        if (!runOrFolder.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) return List.of();
        Path run = home.resolve("runs").resolve(runOrFolder);
        if (!Files.isDirectory(run)) return List.of();
        try (Stream<Path> stages = Files.list(run)) {
            return stages.filter(s -> Files.isDirectory(s.resolve(RESULTS))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + run, e);
        }
    }

    /**
     * (Re)generates the report of one stage folder from its results — which carry the history they
     * were first reported with, so the report and its trends come out the same — and returns its index.
     */
    public static Path report(Path stageFolder, String name, String uid) {
        return AllureReport.generate(stageFolder.resolve(RESULTS), stageFolder.resolve(REPORT), name, uid);
    }
}
