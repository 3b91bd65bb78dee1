package io.inception.app;

import picocli.CommandLine;
import io.inception.app.cli.ValidateCommand;
import picocli.CommandLine.Command;

/** The {@code inception} command line. */
@Command(name = "inception", mixinStandardHelpOptions = true,
        subcommands = {ValidateCommand.class}, version = "inception 0.1.0",
        description = "Continuous deployment and QE orchestration for OpenStack Nova over XenServer.")
public final class Main implements Runnable {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
