package io.inception.sandbox.ssh;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One {@code exec} request on a simulated host. The command takes effect at once and its answer is
 * sent after the host's delay (a slow host), on a shared timer: a killed client therefore leaves the
 * host in the state a real host would be in after the command finished.
 */
final class SimulatedCommand implements Command {
    private final String line;
    private final DebianShell shell;
    private final Duration delay;
    private final ScheduledExecutorService timer;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    SimulatedCommand(String line, DebianShell shell, Duration delay, ScheduledExecutorService timer) {
        this.line = line;
        this.shell = shell;
        this.delay = delay;
        this.timer = timer;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
        if (StdinCommands.readsStdin(line)) {
            // reading blocks until the client sends end of file: not on the shared timer
            Thread reader = new Thread(() -> {
                byte[] input = readStdin();
                timer.execute(() -> runAndAnswer(input));
            }, "sandbox-stdin");
            reader.setDaemon(true);
            reader.start();
        } else {
            timer.execute(() -> runAndAnswer(new byte[0]));
        }
    }

    private byte[] readStdin() {
        try {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private void runAndAnswer(byte[] stdin) {
        DebianShell.Outcome outcome = shell.run(line, stdin);
        if (delay.isZero()) answer(outcome);
        else timer.schedule(() -> answer(outcome), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void answer(DebianShell.Outcome outcome) {
        try {
            out.write(outcome.stdout().getBytes(StandardCharsets.UTF_8));
            out.flush();
            err.write(outcome.stderr().getBytes(StandardCharsets.UTF_8));
            err.flush();
        } catch (IOException e) {
            // the client went away; the host's state has changed all the same
        }
        exit.onExit(outcome.exitCode());
    }

    @Override
    public void destroy(ChannelSession channel) {
        // nothing to release
    }
}
