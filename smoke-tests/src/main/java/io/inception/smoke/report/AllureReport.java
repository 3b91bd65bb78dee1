package io.inception.smoke.report;

import io.qameta.allure.ConfigurationBuilder;
import io.qameta.allure.Extension;
import io.qameta.allure.ReportGenerator;
import io.qameta.allure.allure1.Allure1Plugin;
import io.qameta.allure.allure2.Allure2Plugin;
import io.qameta.allure.category.CategoriesPlugin;
import io.qameta.allure.category.CategoriesTrendPlugin;
import io.qameta.allure.context.FreemarkerContext;
import io.qameta.allure.context.JacksonContext;
import io.qameta.allure.context.MarkdownContext;
import io.qameta.allure.context.RandomUidContext;
import io.qameta.allure.context.ReportInfoContext;
import io.qameta.allure.core.AttachmentsPlugin;
import io.qameta.allure.core.MarkdownDescriptionsPlugin;
import io.qameta.allure.core.TestsResultsPlugin;
import io.qameta.allure.duration.DurationPlugin;
import io.qameta.allure.duration.DurationTrendPlugin;
import io.qameta.allure.environment.Allure1EnvironmentPlugin;
import io.qameta.allure.executor.ExecutorPlugin;
import io.qameta.allure.history.HistoryPlugin;
import io.qameta.allure.history.HistoryTrendPlugin;
import io.qameta.allure.launch.LaunchPlugin;
import io.qameta.allure.owner.OwnerPlugin;
import io.qameta.allure.retry.RetryPlugin;
import io.qameta.allure.retry.RetryTrendPlugin;
import io.qameta.allure.severity.SeverityPlugin;
import io.qameta.allure.status.StatusChartPlugin;
import io.qameta.allure.suites.SuitesPlugin;
import io.qameta.allure.summary.SummaryPlugin;
import io.qameta.allure.tags.TagsPlugin;
import io.qameta.allure.timeline.TimelinePlugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Generates Allure's HTML report from a run's results with Allure 2's own report generator
 * ({@code io.qameta.allure:allure-generator} from Maven Central, web app included in the jar, so
 * nothing is downloaded at run time). The extensions are Allure's defaults less those that talk to
 * the outside (Google Analytics, mail) or export elsewhere (InfluxDB, Prometheus, IDE links).
 *
 * <p>History: Allure reads {@code history/*.json} from the results folder and writes the updated
 * history into the report's {@code history/}; {@link SmokeHistory} carries it from run to run.
 */
public final class AllureReport {
    /** The Allure version of the generator on the class path (its web app matches it). */
    public static final String GENERATOR_VERSION = "2.34.0";

    private AllureReport() {
    }

    /**
     * Writes the report of {@code results} into {@code report} (replaced if it exists) and returns
     * its {@code index.html}. {@code uid} identifies the report (the run id): Allure keys history
     * entries by it.
     */
    public static Path generate(Path results, Path report, String name, String uid) {
        if (!Files.isDirectory(results)) throw new IllegalArgumentException("no Allure results at " + results);
        try {
            Folders.delete(report);
            new ReportGenerator(new ConfigurationBuilder().withExtensions(extensions(uid)).withReportName(name).build())
                    .generate(report, results);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Allure report to " + report, e);
        }
        return report.resolve("index.html");
    }

    private static List<Extension> extensions(String uid) {
        return List.of(new ReportInfoContext(GENERATOR_VERSION, uid), new JacksonContext(), new MarkdownContext(),
                new FreemarkerContext(), new RandomUidContext(), new MarkdownDescriptionsPlugin(), new TagsPlugin(),
                new RetryPlugin(), new RetryTrendPlugin(), new SeverityPlugin(), new OwnerPlugin(), new HistoryPlugin(),
                new HistoryTrendPlugin(), new CategoriesPlugin(), new CategoriesTrendPlugin(), new DurationPlugin(),
                new DurationTrendPlugin(), new StatusChartPlugin(), new TimelinePlugin(), new SuitesPlugin(),
                new TestsResultsPlugin(), new AttachmentsPlugin(), new SummaryPlugin(), new ExecutorPlugin(),
                new LaunchPlugin(),
                // Allure1Plugin is the reader of environment.properties (the Environment widget)
                new Allure1Plugin(), new Allure1EnvironmentPlugin(), new Allure2Plugin());
    }
}
