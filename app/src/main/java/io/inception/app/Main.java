package io.inception.app;

import io.inception.app.cli.BuildsCommand;
import io.inception.app.cli.DemoCommand;
import io.inception.app.cli.HostsTrustCommand;
import io.inception.app.cli.PromoteCommand;
import io.inception.app.cli.ReportCommand;
import io.inception.app.cli.UsersCommand;
import io.inception.app.cli.MergeCommand;
import io.inception.app.cli.PackageCommand;
import io.inception.app.cli.RepoCommand;
import io.inception.app.cli.RolloutCommand;
import io.inception.app.cli.SandboxCommand;
import io.inception.app.cli.RunCommand;
import io.inception.app.cli.RunsCommand;
import io.inception.app.cli.ServerCommand;
import io.inception.app.cli.ValidateCommand;
import io.inception.app.cli.HostsCommand;
import io.inception.app.cli.LabCommand;
import io.inception.app.labs.XenPools;
import io.inception.engine.pipeline.PipelineRepository;
import io.inception.xen.lab.LabService;
import io.inception.xen.wipe.HostWipe;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.time.Clock;
import java.time.Duration;

/** The {@code inception} command line. */
@Command(name = "inception", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, usageHelpWidth = 110, version = "inception 0.1.0",
        description = "Continuous deployment and QE orchestration for OpenStack Nova over XenServer.",
        subcommands = {DemoCommand.class, io.inception.app.cluster.ClusterCommand.class, MergeCommand.class, ValidateCommand.class, RunCommand.class,
                RunsCommand.class, ServerCommand.class, PackageCommand.class, RepoCommand.class, RolloutCommand.class,
                SandboxCommand.class, io.inception.app.env.EnvCommand.class, io.inception.app.puppet.PuppetCommand.class,
                ReportCommand.class, BuildsCommand.class, PromoteCommand.class, UsersCommand.class},
        footer = {"", "Every command has --help. Exit codes: 0 ok, 1 the work failed, 2 bad input.",
                "State lives in $INCEPTION_HOME (default ./.inception/); --db jdbc:postgresql://... uses PostgreSQL."})
public final class Main implements Runnable {
    public static void main(String[] args) {
        // H2's auto-server (several processes on one database file) listens on loopback only
        System.setProperty("h2.bindAddress", System.getProperty("h2.bindAddress", "127.0.0.1"));
        System.exit(commandLine().execute(args));
    }

    /** The command line with every subcommand; errors in arguments exit 2. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        Clock clock = Clock.systemUTC();
        cli.addSubcommand("lab", new LabCommand(() -> LabService.standard(
                InceptionHome.sourceRoot().resolve("environments/labs"), InceptionHome.fromEnvironment().dir().resolve("labs"),
                XenPools.fromEnvironment(System.getenv()), clock), System.getenv().getOrDefault("INCEPTION_USER",
                System.getProperty("user.name"))));
        cli.addSubcommand("hosts", new HostsCommand(
                env -> PipelineRepository.directory(InceptionHome.sourceRoot().resolve("environments")).workingTree()
                        .environment(env).hosts().stream().map(h -> h.name()).toList(),
                env -> new HostWipe(XenPools.session(System.getenv()), Duration.ofMinutes(10))));
        cli.getSubcommands().get("hosts").addSubcommand("trust", new HostsTrustCommand());
        cli.setExitCodeExceptionMapper(e -> 2);
        cli.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("inception: " + ex.getMessage());
            ex.getCommandLine().getErr().println("see: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // an unexpected error: say what it was; the stack trace only on request
            commandLine.getErr().println("inception " + commandLine.getCommandName() + ": " + ex);
            if (System.getenv("INCEPTION_DEBUG") != null) ex.printStackTrace(commandLine.getErr());
            else commandLine.getErr().println("(set INCEPTION_DEBUG=1 for the stack trace)");
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
