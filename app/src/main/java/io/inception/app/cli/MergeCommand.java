package io.inception.app.cli;

import io.inception.engine.merge.ConflictPolicy;
import io.inception.engine.merge.MergeReport;
import io.inception.engine.merge.MergeTrain;
import io.inception.engine.merge.MergeTrainException;
import io.inception.engine.merge.RemoteBranch;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code inception merge}: runs the merge train once from the command line and prints its report.
 * Exit codes: 0 ok (also when conflicting branches were skipped), 1 a branch conflicts under
 * {@code --on-conflict fail} (nothing pushed), 2 bad input.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Merges trunk with the custom branches, in the order given, and pushes the candidate commit.",
            "Merges follow renames like 'git merge' (ort): a branch editing a file that trunk moved still merges.",
            "Per branch the report says MERGED, UP_TO_DATE, CONFLICT or SKIPPED, with the conflicting files and",
            "the culprits: the commits since the branch's merge-base that touched those files."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  inception merge --trunk https://git.example.com/nova.git#master \\",
            "      --branch https://git.example.com/nova-rax.git#rax-prod \\",
            "      --branch /srv/git/nova-quota.git#quota --push /srv/git/candidates.git#refs/heads/candidate",
            "  inception merge --trunk file:///srv/git/nova.git#master --branch /srv/git/cells.git#cells \\",
            "      --on-conflict skip --json",
            "",
            "Exit codes: 0 ok (conflicting branches skipped with --on-conflict skip are reported, still 0),",
            "            1 a branch conflicts with --on-conflict fail (nothing is pushed), 2 bad input.",
            "Passwords in URLs (https://user:secret@host/repo) are used for the transport and never printed."})
public final class MergeCommand implements Callable<Integer> {

    @Option(names = "--trunk", required = true, paramLabel = "URL#BRANCH", order = 1,
            description = "Trunk: repository URL and branch, e.g. https://git.example.com/nova.git#master")
    String trunk;

    @Option(names = "--branch", paramLabel = "URL#BRANCH", order = 2,
            description = "A custom branch to merge; repeat it, branches merge in the order given. "
                    + "e.g. --branch /srv/git/nova-rax.git#rax-prod --branch ssh://git@host/cells.git#cells")
    List<String> branches = new ArrayList<>();

    @Option(names = "--push", paramLabel = "URL#REF", order = 3,
            description = "Where to push the candidate (force-updated), e.g. /srv/git/candidates.git#refs/heads/candidate. "
                    + "Without it nothing is pushed.")
    String push;

    @Option(names = "--on-conflict", paramLabel = "fail|skip", order = 4, defaultValue = "fail",
            converter = PolicyConverter.class,
            description = "fail (default): report every conflict, push nothing, exit 1. "
                    + "skip: leave conflicting branches out, merge and push the rest, exit 0. e.g. --on-conflict skip")
    ConflictPolicy onConflict;

    @Option(names = "--json", order = 5,
            description = "Print one JSON document (build id, trunk SHA, per branch status, head SHA, files, culprits; "
                    + "pushed ref and SHA) instead of the text report. e.g. --json | jq .branches")
    boolean json;

    @Option(names = "--work-dir", paramLabel = "DIR", order = 6,
            description = "Where the train keeps its local repository (a cache between runs). "
                    + "Default: $INCEPTION_HOME/merge or ./.inception/merge. e.g. --work-dir /var/lib/inception/merge")
    Path workDir;

    @Option(names = "--build-id", paramLabel = "ID", order = 7,
            description = "Build id for the report; default b-<yyyyMMdd-HHmmss> from the clock. e.g. --build-id b-20261127-0001")
    String buildId;

    @Spec
    CommandSpec spec;

    private final Clock clock;

    public MergeCommand() {
        this(Clock.systemUTC());
    }

    /** For tests: a fixed clock makes the merge commits reproducible. */
    public MergeCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            List<RemoteBranch> custom = new ArrayList<>();
            for (String b : branches) {
                custom.add(RemoteBranch.parse(b));
            }
            MergeTrain train = MergeTrain.in(workDir != null ? workDir : defaultWorkDir())
                    .trunk(RemoteBranch.parse("trunk", trunk))
                    .branches(custom)
                    .onConflict(onConflict)
                    .withClock(clock)
                    .withBuildId(buildId);
            if (push != null) {
                train = train.pushTo(RemoteBranch.parse(push));
            }
            MergeReport report = train.run();
            out.print(json ? report.toJson() + System.lineSeparator() : report.toText());
            out.flush();
            return report.failed() ? 1 : 0;
        } catch (MergeTrainException e) {
            err.println("inception merge: " + e.getMessage());
            err.flush();
            return e.kind() == MergeTrainException.Kind.WORK_DIR ? 1 : 2;
        }
    }

    static Path defaultWorkDir() {
        String home = System.getenv("INCEPTION_HOME");
        return (home != null && !home.isBlank() ? Path.of(home) : Path.of(".inception")).resolve("merge");
    }

    /** Accepts fail|skip in any case. */
    static final class PolicyConverter implements CommandLine.ITypeConverter<ConflictPolicy> {
        @Override
        public ConflictPolicy convert(String value) {
            try {
                return ConflictPolicy.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not fail or skip");
            }
        }
    }
}
