package io.inception.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.inception.engine.config.ConfigError;
import io.inception.engine.config.GitUrls;
import io.inception.engine.pipeline.GitLibraries;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.engine.pipeline.PipelineSourceException;
import io.inception.engine.pipeline.StageTypes;
import io.inception.engine.pipeline.ValidationReport;
import io.inception.engine.pipeline.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code inception validate [PATH] [--ref REF] [--json]}: checks pipelines, environment files,
 * branch lists and library templates and prints every error as {@code file:line:column: field: message}.
 * Exit code 0 when clean, 2 when any error is found or the input cannot be read.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check pipelines, environment files, branch lists and library templates before anything runs.",
                "Every error is reported (not just the first) as file:line:column: field: message."},
        footer = {"", "Examples:",
                "  inception validate                              the environments/ folder as it is on disk",
                "  inception validate environments/pipelines/trunk-to-qe.yaml",
                "  inception validate . --ref main                 the committed files of this repository at main",
                "  inception validate https://git.example.com/inception/config.git --ref v12 --json",
                "", "Files are recognised by where they live: pipelines/*.yaml, environments/*.yaml, branches.yaml,",
                "templates/*.yaml. Pipelines naming libraries (uses: lib/template@ref) read the templates through git.",
                "", "Exit codes: 0 no errors; 2 errors found or bad input."})
public final class ValidateCommand implements Callable<Integer> {
    /** Exit code for errors found or input that cannot be read. */
    public static final int BAD_INPUT = 2;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH",
            description = "A file, a folder, or with --ref a git repository (path or URL). Default: environments")
    private String path;

    @Option(names = "--ref", paramLabel = "REF",
            description = "Validate the committed files at this branch, tag or commit SHA of the repository at PATH.")
    private String ref;

    @Option(names = "--json", description = "Print one JSON document instead of lines.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    private final StageTypes stageTypes;

    /** Checks stages against the built-in types and every {@code StageTypeProvider} on the class path. */
    public ValidateCommand() {
        this(StageTypes.discover());
    }

    /** Checks stages against {@code stageTypes}. */
    public ValidateCommand(StageTypes stageTypes) {
        this.stageTypes = stageTypes;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ValidationReport report;
        try (GitLibraries libraries = GitLibraries.withDefaultCache()) {
            Validator validator = new Validator(stageTypes, libraries);
            if (ref != null) {
                try (PipelineRepository repo = PipelineRepository.open(path == null ? "." : path)) {
                    report = validator.validate(repo.at(ref));
                }
            } else if (path != null && path.matches("[A-Za-z][A-Za-z0-9+.-]*://.*")) {
                err.println("inception validate: " + GitUrls.redact(path) + " is a repository URL: name a ref with --ref");
                err.flush();
                return BAD_INPUT;
            } else {
                report = validator.validatePath(Path.of(path == null ? "environments" : path));
            }
        } catch (PipelineSourceException | UncheckedIOException | InvalidPathException e) {
            err.println("inception validate: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        if (json) {
            out.println(toJson(report));
        } else {
            for (ConfigError e : report.errors()) out.println(e.format());
            out.println(report.summary());
        }
        out.flush();
        return report.ok() ? 0 : BAD_INPUT;
    }

    private static String toJson(ValidationReport report) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ok", report.ok());
        doc.put("commit", report.commit());
        doc.put("files", report.files());
        doc.put("errors", report.errors());
        doc.put("summary", report.summary());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
    }
}
